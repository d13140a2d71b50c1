//! Löftesuppföljning: follow-up of *medborgarlöften* (citizen promises)
//! between a local police area and a municipality.
//!
//! Data flows one way: files ([`store`]) → document ([`model`]) → derived
//! figures ([`status`]) → views (the desktop app in [`gui`], and the [`cli`]).

#![forbid(unsafe_code)]

pub mod cli;
pub mod format;
#[cfg(feature = "gui")]
pub mod gui;
pub mod import;
pub mod minutes;
pub mod model;
pub mod privacy;
pub mod report;
pub mod sample;
pub mod status;
pub mod store;
pub mod synthetic;
pub mod workspace;
