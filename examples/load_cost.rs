//! What loading a native file costs, natively: the time to read its outline
//! and check every event, the time to build the time index, and the bytes the
//! checked model and the index hold per event (counted by a global allocator
//! that tracks live bytes; allocator overhead is not included).
//!
//! ```text
//! node bench/generate.mjs --sizes 100000
//! cargo run --release --example load_cost -- bench/.data/synth-100000.native.json
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use annals::layout::index::TimeIndex;
use annals::model::{Event, Reader};

/// The system allocator, counting the bytes currently allocated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --release --example load_cost -- FILE.json");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    let before = LIVE.load(Relaxed) - bytes.capacity();
    let started = Instant::now();
    let mut reader = Reader::new(bytes);
    let outline = started.elapsed();
    let loaded = loop {
        if let Some(result) = reader.step(10_000) {
            break result;
        }
    };
    let checked = started.elapsed();
    let loaded = loaded.unwrap_or_else(|problems| {
        eprintln!(
            "{path} did not load ({} problems, checked in {checked:.1?}): {}",
            problems.len(),
            problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default()
        );
        std::process::exit(1);
    });
    drop(reader);
    let n = loaded.dataset.events.len().max(1);
    let model = LIVE.load(Relaxed).saturating_sub(before);
    let started = Instant::now();
    let all: Vec<usize> = (0..loaded.dataset.events.len()).collect();
    let index = TimeIndex::build(&loaded.dataset, &all);
    let indexing = started.elapsed();
    let with_index = LIVE.load(Relaxed).saturating_sub(before);
    println!(
        "{path}: {} events, {} problems",
        loaded.dataset.events.len(),
        loaded.problems.len()
    );
    println!("  outline read in {outline:.1?}; every event checked and sorted after {checked:.1?}; index built in {indexing:.1?}");
    println!(
        "  size_of::<Event>() = {} B; model {:.0} B/event; time index and visible list {:.0} B/event",
        std::mem::size_of::<Event>(),
        model as f64 / n as f64,
        with_index.saturating_sub(model) as f64 / n as f64
    );
    drop(index);
}
