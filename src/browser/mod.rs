//! The edge: code that talks to the browser outside of yew's view: loading
//! data from URLs and files, and the panic screen.

pub mod load;
pub mod panic;
