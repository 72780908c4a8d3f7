//! errcode's integration tests: one binary, so the crate and the executable are built once.

mod cli;
mod corpus;
mod data;
mod families;
mod generated;
mod hostile;
mod pastes;
mod properties;
mod rendered;
mod robustness;
mod scan;
mod seeds;
mod user_catalogs;
mod util;
mod vendors;
