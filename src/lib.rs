//! errcode: explains cloud API-gateway errors (Huawei Cloud APIG, Alibaba Cloud, Tencent Cloud and JD Cloud
//! API Gateway) from built-in bilingual catalogs, offline.
//!
//! The pipeline: `catalog` loads and validates catalogs, `matcher` resolves a query to ranked entries,
//! `render` prints them as cards, tables or JSON, and `cli` ties those to the command line.

// The two unsafe modules, the SIMD kernel (`matcher/teddy/simd.rs`) and the cache files' mapping
// (`catalog/mapped.rs`), allow it for themselves.
#![deny(unsafe_code)]

pub mod catalog;
pub mod cli;
pub mod error;
pub mod exit;
pub mod family;
pub mod matcher;
pub mod paste;
pub mod render;
pub mod report;
pub mod scan;
pub mod status;
pub mod style;
pub mod template;
