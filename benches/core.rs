//! Per-frame cost of the core at 1k to 1M events: window queries on the time
//! index and a whole frame's layout, for a dense view (clusters) and a
//! zoomed-in view (single events). Run with `cargo bench --bench core`; the
//! figures should stay flat as the dataset grows.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

use annals::layout::index::TimeIndex;
use annals::layout::measure::Advances;
use annals::layout::scale::Viewport;
use annals::layout::warp::Warp;
use annals::layout::{layout, LayoutOptions, Typeset};
use annals::model::{parse_dataset, Dataset};

/// A reproducible dataset: `n` one-day events over 1900–2019 in six lanes.
fn synthetic(n: usize) -> Dataset {
    let mut x: u64 = 20050401;
    let mut next = move || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        x >> 33
    };
    let mut text = String::with_capacity(n * 90 + 64);
    text.push_str(r#"{"events": ["#);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        let (year, month, day, lane) = (
            1900 + next() % 120,
            1 + next() % 12,
            1 + next() % 28,
            next() % 6,
        );
        text.push_str(&format!(
            r#"{{"id": "e{i}", "title": "Event {i}", "start": "{year}-{month:02}-{day:02}", "lane": "l{lane}"}}"#
        ));
    }
    text.push_str("]}");
    parse_dataset(&text).expect("synthetic data parses").dataset
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let dataset = synthetic(n);
        let shown: Vec<usize> = (0..dataset.events.len()).collect();
        let index = TimeIndex::build(&dataset, &shown);
        let (a, b) = dataset.extent().unwrap();
        let fit = Viewport::fit(a, b, 0.04);
        // A view narrow enough for single events even at 1M events.
        let middle = a + (b - a) / 2.0;
        let zoomed = Viewport::new(middle, middle + 20.0 * 1_000.0 / n as f64);
        let options = LayoutOptions::default();
        let text = Typeset {
            measure: &Advances,
            lang: "en",
        };
        group.bench_with_input(
            BenchmarkId::new("layout, whole span (clusters)", n),
            &n,
            |bench, _| {
                bench.iter(|| {
                    layout(
                        &dataset,
                        &index,
                        &fit,
                        &Warp::Linear,
                        1200.0,
                        &options,
                        text,
                    )
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("layout, zoomed in (single events)", n),
            &n,
            |bench, _| {
                bench.iter(|| {
                    layout(
                        &dataset,
                        &index,
                        &zoomed,
                        &Warp::Linear,
                        1200.0,
                        &options,
                        text,
                    )
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("index query, one lane", n),
            &n,
            |bench, _| bench.iter(|| index.count(&dataset, 0, zoomed.start, zoomed.end)),
        );
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
