//! The annals app: mounts [`annals::App`] into the page.

fn main() {
    annals::start();
}
