//! Exit statuses, as grep's: 0 something found, 1 nothing found, 2 an error.

pub const FOUND: i32 = 0;
pub const NOT_FOUND: i32 = 1;
pub const ERROR: i32 = 2;

/// A command that succeeded without looking anything up (`--help`, `completions`), or whose reader went
/// away (a closed pipe is not an error).
pub const OK: i32 = 0;
