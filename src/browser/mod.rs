//! The edge: code that talks to the browser outside of yew's view: loading
//! data from URLs and files, the page's URL and history, text measured in the
//! page's font, and the panic screen.

pub mod clipboard;
pub mod dom;
pub mod download;
pub mod drafts;
pub mod importer;
pub mod load;
pub mod measure;
pub mod panic;
pub mod url;
pub mod yield_now;
