// The toolbar, small screens, themes and print (issue 14): the toolbar is one
// row at 1280 px and its Data and Share menus follow the WAI-ARIA menu
// button pattern; at 360×740 the controls fold away and the first mark is on
// the first screen; every theme passes axe at WCAG 2.2 AA (era labels
// included) and colours the whole page; print shows the whole timeline
// across the page's width (laid out for it where the page can be measured,
// else zoomed to it), then every event's card.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const root = '[data-annals-root]';

async function open(page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.locator(root)).toHaveAttribute('data-ready', 'true');
}

async function violations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The relative luminance of a CSS `rgb()`/`rgba()` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const pageBackground = (page) => page.evaluate(() => ({
  html: getComputedStyle(document.documentElement).backgroundColor,
  body: getComputedStyle(document.body).backgroundColor,
}));

test.describe('toolbar', () => {
  test('is one row at 1280 px, with zoom, the view switch, search and filters in view', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page);
    const tops = await page.locator('.annals-toolbar-controls > *').evaluateAll((els) => els
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => ({ what: e.className || e.tagName, top: Math.round(e.getBoundingClientRect().top) })));
    expect(tops.length).toBeGreaterThanOrEqual(7);
    expect(new Set(tops.map((t) => t.top)).size, JSON.stringify(tops)).toBe(1);
    for (const name of ['Zoom in', 'Zoom out', 'Fit all events', 'Timeline', 'List', 'Filters', 'Data', 'Share']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('searchbox', { name: 'Search events' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Controls' })).toBeHidden();
    // The old buttons now live in the menus.
    await expect(page.getByRole('button', { name: /Export|Copy link|Paste data/ })).toHaveCount(0);
  });

  test('the Data menu follows the menu button pattern from the keyboard', async ({ page }) => {
    await open(page);
    const button = page.getByRole('button', { name: 'Data', exact: true });
    const menu = page.getByRole('menu', { name: 'Data' });
    const item = (name) => page.getByRole('menuitem', { name });
    await expect(button).toHaveAttribute('aria-haspopup', 'menu');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeHidden();

    await button.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(item('Open file…')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Paste data…')).toBeFocused();
    await page.keyboard.press('End');
    await expect(item('Export PNG')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Open file…')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(item('Export PNG')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(item('Open file…')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();

    // ArrowUp opens on the last item, ArrowDown and Space on the first.
    await page.keyboard.press('ArrowUp');
    await expect(item('Export PNG')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await expect(item('Open file…')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press(' ');
    await expect(item('Open file…')).toBeFocused();

    // Tab closes the menu and moves on to the next control, Shift+Tab to the one before.
    // (Which control that is depends on the toolbar: Edit, then Share, on the standalone page.)
    const fromButton = () => button.evaluate((b) => {
      const active = document.activeElement;
      if (!active || active === b || active === document.body || active.closest('[role=menu]')) return 'none';
      return b.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
    });
    await page.keyboard.press('Tab');
    await expect(menu).toBeHidden();
    expect(await fromButton()).toBe('after');
    await expect(page.locator('.annals-toolbar-controls > :not(.annals-menu) button:focus').first()).toBeVisible();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(item('Open file…')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(menu).toBeHidden();
    expect(await fromButton()).toBe('before');
    await expect(page.getByRole('button', { name: /^Filters/ })).toBeFocused();

    // Choosing an item runs it: the paste panel opens with its text area focused.
    await button.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(page.getByLabel(/Paste a timeline/)).toBeFocused();
  });

  test('a click outside closes a menu; Escape in a menu leaves an open card open', async ({ page }) => {
    await open(page, '?start-at=kyoto-summit');
    await expect(page.locator('[data-card-for="kyoto-summit"]')).toBeVisible();
    const button = page.getByRole('button', { name: 'Share', exact: true });
    await button.click();
    const menu = page.getByRole('menu', { name: 'Share' });
    await expect(menu).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Copy link' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(page.locator('[data-card-for="kyoto-summit"]')).toBeVisible();
    await button.click();
    await expect(menu).toBeVisible();
    await page.locator('.annals-title').click();
    await expect(menu).toBeHidden();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  test('at 360×740 the controls fold behind one button and the first mark is on the first screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page);
    const toggle = page.getByRole('button', { name: 'Controls' });
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
    await expect(page.locator('.annals-hint')).toBeHidden();
    const first = await page.locator('.annals-event .annals-mark').evaluateAll((marks) => Math.min(...marks.map((m) => m.getBoundingClientRect().bottom)));
    expect(first).toBeLessThanOrEqual(740);
    // The lanes begin in the upper half of the screen.
    const stage = await page.locator('.annals-stage').boundingBox();
    expect(stage.y).toBeLessThan(370);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    for (const name of ['Zoom in', 'Filters', 'Data']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('searchbox', { name: 'Search events' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await toggle.click();
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
  });
});

test.describe('themes', () => {
  // Rome has eras, whose labels must read in every theme.
  for (const [theme, scheme] of [['light', 'light'], ['dark', 'light'], ['contrast', 'light'], ['auto', 'dark']]) {
    test(`${theme}${theme === 'auto' ? ' (system dark)' : ''} passes axe, era labels and an open card included`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, `?theme=${theme}&data=/fixtures/rome.json`);
      await expect(page.locator(root)).toHaveClass(new RegExp(`annals-theme-${theme}`));
      await expect(page.locator('.annals-era-label').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.locator('.annals-event').first().click();
      await expect(page.locator('[data-card-for]')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }

  test('the default dataset passes axe in the dark and contrast themes, filters and search shown', async ({ page }) => {
    for (const theme of ['dark', 'contrast']) {
      await open(page, `?theme=${theme}`);
      await page.getByRole('searchbox', { name: 'Search events' }).fill('missile');
      await expect(page.locator('.annals-search-count')).toBeVisible();
      await page.getByRole('button', { name: 'Data', exact: true }).click();
      await expect(page.getByRole('menu', { name: 'Data' })).toBeVisible();
      expect(await violations(page), theme).toEqual([]);
    }
  });

  test('?theme=dark makes the whole page dark, and the light theme stays light', async ({ page }) => {
    await open(page, '?theme=dark');
    const dark = await pageBackground(page);
    expect(luminance(dark.html)).toBeLessThan(0.05);
    expect(luminance(dark.body)).toBeLessThan(0.05);
    await expect(page.locator('html')).toHaveAttribute('data-annals-theme', 'dark');
    await open(page, '?theme=light');
    expect(luminance((await pageBackground(page)).html)).toBeGreaterThan(0.8);
  });

  test('auto follows the system: dark when it prefers dark, light when it prefers light', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page, '?theme=auto');
    expect(luminance((await pageBackground(page)).html)).toBeLessThan(0.05);
    const stage = () => page.locator('.annals-stage').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(luminance(await stage())).toBeLessThan(0.05);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(luminance((await pageBackground(page)).html)).toBeGreaterThan(0.8);
    expect(luminance(await stage())).toBeGreaterThan(0.8);
  });

  test('the prerendered page is dark from the first paint under ?theme=dark, before the app runs', async ({ page }) => {
    // Without the wasm the app never starts: what shows is the prerendered markup.
    await page.route((url) => url.pathname.endsWith('.wasm'), (route) => route.abort());
    await page.goto('./?theme=dark');
    await expect(page.locator(`${root}[data-prerendered]`)).toBeVisible();
    expect(luminance((await pageBackground(page)).html)).toBeLessThan(0.05);
    const stage = await page.locator('[data-prerendered] .annals-stage').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(luminance(stage)).toBeLessThan(0.05);
  });

  test('forced colours: axe passes and occurred marks stay filled', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await open(page, '?start-at=kyoto-summit');
    expect(await violations(page)).toEqual([]);
    const fill = await page.locator('.annals-status-occurred.annals-instant .annals-mark').first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    const canvas = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(fill).not.toBe(canvas);
    // Filled with the system's text colour, as the legend's swatch is.
    const text = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = 'CanvasText';
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
    expect(fill).toBe(text);
    const swatch = await page.locator('.annals-status-occurred .annals-legend-swatch').first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(swatch).toBe(text);
  });

  test('the custom element and the JS API take every theme, in their own colours', async ({ page }) => {
    const hosts = `http://127.0.0.1:${Number(process.env.ANNALS_E2E_PORT ?? 4173) + 1}/`;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${hosts}element.html`);
    const element = page.locator('annals-timeline');
    const inner = element.locator(root);
    await expect(inner).toHaveAttribute('data-ready', 'true');
    const surface = () => element.locator('.annals-stage').evaluate((e) => getComputedStyle(e).backgroundColor);
    for (const [theme, dark] of [['contrast', false], ['auto', true], ['dark', true], ['light', false]]) {
      await element.evaluate((el, t) => el.setAttribute('theme', t), theme);
      await expect(inner).toHaveClass(new RegExp(`annals-theme-${theme}`));
      if (dark) expect(luminance(await surface()), theme).toBeLessThan(0.05);
      else expect(luminance(await surface()), theme).toBeGreaterThan(0.8);
    }
    await page.goto(`${hosts}api.html`);
    await page.waitForFunction(() => window.mounted === true);
    await page.evaluate(() => window.two.setOptions({ theme: 'contrast' }));
    await expect(page.locator(`#two ${root}`)).toHaveClass(/annals-theme-contrast/);

    // In a shadow root, a press outside still closes the menu, and a press inside does not.
    const data = page.locator('#one').getByRole('button', { name: 'Data', exact: true });
    const menu = page.locator('#one').getByRole('menu', { name: 'Data' });
    await data.click();
    await expect(menu).toBeVisible();
    await menu.click({ position: { x: 2, y: 2 } });
    await expect(menu).toBeVisible();
    await page.mouse.click(5, 5);
    await expect(menu).toBeHidden();
  });
});

/** The stage's inner width the timeline is laid out for, in CSS pixels. */
async function laidOutWidth(page) {
  return page.locator('.annals-timeline').evaluate((el) => parseFloat(el.style.getPropertyValue('--annals-stage-width')));
}

/** The height of the first label's box on the page. */
async function labelHeight(page) {
  return (await page.locator('.annals-event .annals-label').first().boundingBox()).height;
}

/** The stage spans `paper` (the app's root), and every mark and label is inside it, none over another. */
async function expectSpansAndHolds(page, paper) {
  const stage = await page.locator('.annals-stage').boundingBox();
  expect(stage.x).toBeGreaterThanOrEqual(paper.x - 1);
  expect(Math.abs(stage.width - paper.width), 'the stage spans the page').toBeLessThanOrEqual(2);
  const boxes = await page.locator('.annals-event .annals-mark, .annals-event .annals-label').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { id: e.closest('[data-event-id]').dataset.eventId, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }));
  expect(boxes.length).toBeGreaterThan(26);
  for (const b of boxes) {
    expect(b.left, b.id).toBeGreaterThanOrEqual(stage.x - 1);
    expect(b.right, b.id).toBeLessThanOrEqual(stage.x + stage.width + 1);
  }
  // No event's mark or label over another event's.
  const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.id !== b.id
    && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1).map((b) => `${a.id} × ${b.id}`));
  expect(overlaps).toEqual([]);
}

test.describe('print', () => {
  test('the whole timeline at the paper width, then every event as text; nothing of it on screen', async ({ page }) => {
    await open(page, '?start-at=kyoto-summit');
    // On screen the print list is not in the page at all: at 100k events it
    // would be thousands of hidden elements.
    await expect(page.locator('.annals-print-event')).toHaveCount(0);
    // Zoomed in on the card's event, the screen shows only some of the events.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => page.locator('.annals-event').count()).toBeLessThan(26);
    const onScreen = await page.locator('.annals-event').count();

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.annals-print')).toBeVisible();
    await expect(page.locator('.annals-print-event')).toHaveCount(26);
    const titles = await page.locator('.annals-print-event h3').allTextContents();
    expect(new Set(titles).size).toBe(26);
    await expect(page.locator('.annals-toolbar')).toBeHidden();
    await expect(page.locator('.annals-card')).toBeHidden();
    for (const title of titles) {
      await expect(page.locator('.annals-print-event h3', { hasText: title }).first()).toBeVisible();
    }
    // Every event is on the fitted timeline, inside the stage, which spans
    // the page and is laid out for that width.
    await expect(page.locator('.annals-event')).toHaveCount(26);
    const paper = await page.locator(root).boundingBox();
    const stage = await page.locator('.annals-stage').boundingBox();
    expect(Math.abs(stage.width - paper.width)).toBeLessThanOrEqual(1);
    expect(await laidOutWidth(page)).toBe(Math.round(paper.width) - 2);
    const marks = await page.locator('.annals-event .annals-mark').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right };
    }));
    for (const m of marks) {
      expect(m.left).toBeGreaterThanOrEqual(stage.x - 1);
      expect(m.right).toBeLessThanOrEqual(stage.x + stage.width + 1);
    }
    // Back on screen, the view is the reader's again.
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.annals-print-event')).toHaveCount(0);
    await expect(page.locator('.annals-toolbar')).toBeVisible();
    await expect(page.locator('[data-card-for="kyoto-summit"]')).toBeVisible();
    await expect(page.locator('.annals-event')).toHaveCount(onScreen);

    // Printing for real (a PDF) goes through beforeprint and afterprint: the
    // app fits the timeline to the paper, then puts the reader's view back.
    await page.evaluate(() => {
      window.printed = [];
      addEventListener('beforeprint', () => queueMicrotask(() => queueMicrotask(() => {
        window.printed.push(document.querySelectorAll('.annals-event').length);
      })));
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(await page.evaluate(() => window.printed)).toEqual([26]);
    await expect(page.locator('.annals-event')).toHaveCount(onScreen);
  });

  for (const width of [760, 1100]) {
    test(`the printed timeline is laid out for the page's width (${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await open(page);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.annals-print')).toBeVisible();
      await expect(page.locator('.annals-event')).toHaveCount(26);
      const paper = await page.locator(root).boundingBox();
      expect(paper.width).toBeGreaterThan(width - 40);
      expect(await laidOutWidth(page)).toBe(Math.round(paper.width) - 2);
      await expectSpansAndHolds(page, paper);
      // Not zoomed: the labels keep their size.
      expect(await labelHeight(page)).toBeLessThan(24);
    });
  }

  test('printing for real: laid out before the paper is known, then zoomed to the page width', async ({ page }) => {
    // A page tall enough for the zoomed stage: on a shorter one the zoom
    // stops at the page's height.
    await page.setViewportSize({ width: 1100, height: 2000 });
    await open(page);
    const screenLabel = await labelHeight(page);
    // A real print (or a PDF) starts with beforeprint while the page is
    // still laid out for the screen, and no script runs once the browser
    // lays the pages out: the timeline is laid out for the narrowest paper.
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => laidOutWidth(page)).toBe(678);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.annals-event')).toHaveCount(26);
    expect(await laidOutWidth(page)).toBe(678);
    const paper = await page.locator(root).boundingBox();
    await expectSpansAndHolds(page, paper);
    // Zoomed, the labels grow with the page.
    expect(await labelHeight(page)).toBeGreaterThan(screenLabel * 1.3);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => laidOutWidth(page)).toBeGreaterThan(1000);
  });

  test('without JavaScript, the prerendered page prints its timeline and event list', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('./');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.annals-static-list')).toBeVisible();
    await expect(page.locator('.annals-static-event')).toHaveCount(26);
    await expect(page.locator('.annals-print')).toHaveCount(0);
    // Rendered for a 1230 px stage, zoomed to the page's width.
    const paper = await page.locator('[data-annals-root][data-prerendered]').boundingBox();
    const stage = await page.locator('[data-prerendered] .annals-stage').boundingBox();
    expect(Math.abs(stage.width - paper.width)).toBeLessThanOrEqual(2);
    await context.close();
  });
});
