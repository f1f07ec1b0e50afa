//! Entente: a workbench for coding international security engagements from news articles.
//!
//! The engine (`model`, `corpus`, `extract`, `dataset`, `query`, `annotate`) knows nothing of
//! the window; `cli` and `app`/`ui` are two faces over it. See ARCHITECTURE.md.

pub mod annotate;
pub mod app;
pub mod cli;
pub mod corpus;
pub mod dataset;
pub mod extract;
pub mod model;
pub mod query;
pub mod synth;
pub mod ui;
