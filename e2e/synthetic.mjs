// Seeded synthetic datasets for the end-to-end tests at scale (scale.spec,
// density.spec): `n` events over 1900–2019 in five lanes, as native JSON
// text. The benchmark has its own generator (bench/generate.mjs).

/** Native JSON text of `n` seeded events. */
export function synthetic(n) {
  let x = 20050401;
  const next = () => { x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x9e3779b9) >>> 0; return x; };
  const events = [];
  for (let i = 0; i < n; i++) {
    const year = 1900 + (next() % 120);
    const month = String(1 + (next() % 12)).padStart(2, '0');
    const day = String(1 + (next() % 28)).padStart(2, '0');
    events.push({ id: `e${i}`, title: `Event ${i}`, start: `${year}-${month}-${day}`, lane: `lane-${next() % 5}` });
  }
  return JSON.stringify({ title: `${n} synthetic events`, events });
}

/** Opens the page with `?data=` naming a file of `n` synthetic events, served by the test. */
export async function openSynthetic(page, n) {
  const path = `/fixtures/synthetic-${n}.json`;
  const body = synthetic(n);
  await page.route((url) => url.pathname === path, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(`./?data=${path}`);
}
