// Prerendered pages: readable with JavaScript off, taken over in place with it
// on (typed text, focus and scroll kept, no layout shift), and the markup the
// browser hydrates is the markup that was prerendered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, live, rows, rowNames, consoleErrors, screenshot, dist, root, recordMessages } from './harness.mjs';

const zh = JSON.parse(fs.readFileSync(path.join(root, 'data', 'features.zh.json'), 'utf8'));
const en = JSON.parse(fs.readFileSync(path.join(root, 'data', 'features.en.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/// Sums layout shifts that no input caused (the CLS of the page so far).
function observeLayoutShifts() {
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

async function newPage({ javaScriptEnabled = true, width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height } });
  await context.addInitScript(observeLayoutShifts);
  const page = await context.newPage();
  recordMessages(page);
  return page;
}

test('the built page holds every feature name in its HTML (no script needed to read it)', () => {
  for (const [file, catalogue] of [['index.html', zh], ['en/index.html', en]]) {
    const html = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const f of catalogue.features) {
      const name = f.name.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      assert.ok(html.includes(name), `${file} lacks ${f.name}`);
    }
    assert.match(html, /<script type="application\/json" data-feature-matrix-catalogue>/);
  }
});

for (const [query, catalogue, lang] of [['', zh, 'zh'], ['en/', en, 'en']]) {
  test(`with JavaScript off the whole ${lang} page is readable and shows no dead control`, async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(server.base + query);
    assert.equal(await rows(page).count(), 42);
    assert.deepEqual((await rowNames(page)).map((n) => n.trim()), catalogue.features.map((f) => f.name));
    for (const row of await rows(page).all()) assert.equal(await row.isVisible(), true);
    assert.match(await page.locator('.fm-intro').first().innerText(), new RegExp(catalogue.intro.slice(0, 12).replace(/[()[\]]/g, '.')));
    // Every definition cell, in the open definitions table.
    const cells = page.locator('.fm-defs-inline .fm-defs-table td');
    assert.equal(await cells.count(), catalogue.aspects.length * catalogue.stages.length);
    for (const cell of await cells.all()) assert.equal(await cell.isVisible(), true);
    // Badges show their stage as text.
    const badges = await page.locator('.fm-row .fm-badge:visible').allInnerTexts();
    assert.equal(badges.length, 42);
    assert.deepEqual(new Set(badges.map((b) => b.trim())), new Set(catalogue.stages.map((s) => s.label)));
    // The footer and its link.
    const footerLink = page.locator('.fm-footer a');
    assert.equal(await footerLink.first().isVisible(), true);
    // Nothing visible needs script: no button, input or select (a <summary> works natively).
    const controls = await page.locator('button:visible, input:visible, select:visible, textarea:visible, [role=button]:visible').count();
    assert.equal(controls, 0, 'a visible control that only works with script');
    // Nor does anything look like one: no sort arrow, counts in the text colour.
    const looks = await page.evaluate(() => ({
      arrows: [...document.querySelectorAll('.fm-sort')].map((e) => getComputedStyle(e, '::after').content),
      counts: [...document.querySelectorAll('.fm-sum-cell')].map((e) => getComputedStyle(e).color),
      text: getComputedStyle(document.querySelector('.fm-summary td')).color,
    }));
    assert.deepEqual(new Set(looks.arrows), new Set(['none']));
    assert.ok(looks.counts.length > 0);
    assert.deepEqual(new Set(looks.counts), new Set([looks.text]));
    await screenshot(page, `nojs-${lang}`);
    await page.context().close();
  });
}

test('prints the whole matrix without controls', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(server.base);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await rows(page).count(), 42);
  assert.equal(await page.locator('.fm-controls').isVisible(), false);
  const pdf = await page.pdf();
  assert.ok(pdf.length > 10000);
  await page.context().close();
});

test('text typed before the widget is live is kept, focused, and filters once it is', async () => {
  const slow = await serve({ hold: (p) => p.endsWith('.wasm') });
  try {
    const page = await newPage();
    await page.goto(slow.base, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 42);
    assert.equal(await page.locator('.fm-root.fm-live').count(), 0, 'live before its wasm arrived');
    // Until the takeover no button shows, since none would work yet; after it, they do.
    assert.equal(await page.locator('button:visible').count(), 0, 'a button before the widget is live');
    await page.locator('.fm-search-input').click();
    await page.keyboard.type('helm');
    slow.release();
    await live(page);
    await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 1);
    assert.deepEqual(await rowNames(page), ['基于 Helm 安装']);
    assert.equal(await page.locator('.fm-row button.fm-badge:visible').count(), 1);
    assert.equal(await page.locator('.fm-search-input').inputValue(), 'helm');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('fm-search-input')), true);
    await page.keyboard.type('x');
    await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 0);
    assert.deepEqual(consoleErrors(page), []);
    await page.context().close();
  } finally { await slow.close(); }
});

test('the takeover keeps the scroll position and shifts no layout (CLS < 0.01)', async () => {
  const slow = await serve({ hold: (p) => p.endsWith('.wasm') });
  try {
    const page = await newPage({ height: 700 });
    await page.goto(slow.base, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 42);
    await page.evaluate(() => window.scrollTo(0, 600));
    const before = await page.evaluate(() => window.scrollY);
    slow.release();
    await live(page);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.scrollY), before);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS ${cls}`);
    assert.equal(await rows(page).count(), 42);
    assert.equal(await page.locator('.fm-root').count(), 1, 'duplicated content');
    assert.deepEqual(consoleErrors(page), []);
    await page.context().close();
  } finally { await slow.close(); }
});

test('on a phone, row groups far from the screen wait to be laid out until the takeover, and nothing on screen moves when they are', async () => {
  const slow = await serve({ hold: (p) => p.endsWith('.wasm') });
  try {
    const page = await newPage({ width: 390, height: 844 });
    // A phone's CPU: the takeover then spans frames, and none may show the row moved.
    await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(slow.base, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 42
      && [...document.styleSheets].some((s) => s.href?.endsWith('feature-matrix.css')));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Rows whose layout the browser skips (their group's content-visibility).
    const skipped = () => page.evaluate(() => [...document.querySelectorAll('.fm-row')]
      .filter((row) => !row.checkVisibility({ contentVisibilityAuto: true })).length);
    assert.ok(await skipped() > 0, 'every row laid out before the takeover');
    // A reader jumps to the 30th row (past groups never laid out), then the widget goes live.
    const row = page.locator('.fm-row').nth(29);
    await row.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    const top = await row.evaluate((e) => e.getBoundingClientRect().top);
    slow.release();
    await live(page);
    await page.waitForTimeout(500);
    assert.equal(await skipped(), 0, 'a row left unlaid out once live');
    assert.ok(Math.abs(await row.evaluate((e) => e.getBoundingClientRect().top) - top) < 2, 'the row on screen moved');
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS ${cls}`);
    assert.deepEqual(consoleErrors(page), []);
    await page.context().close();
  } finally { await slow.close(); }
});

test('the deep link ?stage=alpha ends at 11 rows after the takeover', async () => {
  const page = await newPage();
  await page.goto(server.base + '?stage=alpha');
  await live(page);
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 11);
  assert.equal(await page.locator('.fm-chip[aria-pressed="true"]').count(), 1);
  assert.deepEqual(consoleErrors(page), []);
  await page.context().close();
});

/// The widget's markup without Yew's hydration comments and the marks of the
/// takeover (the live class, `data-fm-laid-out`).
/// The parts that become buttons once live (sort headers, badges, summary
/// counts, permalinks) are compared as a span with their class and content.
function markup() {
  const root = document.querySelector('.fm-root').cloneNode(true);
  for (const el of root.querySelectorAll('.fm-sort, .fm-badge, .fm-sum-cell, .fm-permalink')) {
    const span = document.createElement('span');
    span.className = el.className;
    span.append(...el.childNodes);
    el.replaceWith(span);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  root.classList.remove('fm-live');
  root.removeAttribute('data-fm-laid-out');
  root.normalize();
  return root.outerHTML;
}

for (const [query, lang] of [['', 'zh'], ['en/', 'en']]) {
  test(`the hydrated DOM is the prerendered markup (${lang}, default view)`, async () => {
    const off = await newPage({ javaScriptEnabled: false });
    await off.goto(server.base + query);
    const prerendered = await off.evaluate(markup);
    await off.context().close();
    const on = await newPage();
    await on.goto(server.base + query);
    await live(on);
    const hydrated = await on.evaluate(markup);
    assert.equal(hydrated, prerendered);
    assert.deepEqual(consoleErrors(on), []);
    await on.context().close();
  });
}
