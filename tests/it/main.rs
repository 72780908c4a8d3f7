//! errcode's integration tests: one binary, so the crate and the executable are built once.

mod accuracy;
mod authored;
mod catalog_check;
mod cli;
mod config;
mod corpus;
mod data;
mod export;
mod families;
mod generated;
mod hostile;
mod lang;
mod mistyped;
mod package;
mod pager;
mod pastes;
mod properties;
mod readme;
mod rendered;
mod robustness;
mod scan;
mod seeds;
mod user_catalogs;
mod util;
mod vendors;
mod widths;
