//! Content files: reading, parsing front matter, and checking each file on its own.
//!
//! `load` walks `content/`, `front_matter` is the one place YAML is parsed, `validate` turns
//! front matter into the typed values of `model`.

pub mod dates;
pub mod front_matter;
pub mod images;
pub mod load;
pub mod model;
pub mod translation;
pub mod validate;
