// The release matrix on real data: the Kubernetes example opens in it
// (view="releases", prerendered): every gate's stage in every release,
// readable without JavaScript, release headers that select a release,
// changes between two releases, the chart of how the project matured, the
// view switch, sticky names and headers, and axe in both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, consoleErrors, screenshot, axe, root, STRICT_CSP, recordMessages } from './harness.mjs';

const k8s = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'kubernetes.json'), 'utf8'));
const rank = (release) => k8s.releases.indexOf(release);
/// A gate's stage as of a release, from its history (the test's own reading).
function stageAt(feature, release) {
  const entries = feature.history.filter((h) => rank(h.since) <= rank(release));
  return entries.length ? entries.at(-1).stage : null;
}
const label = (stage) => k8s.stages.find((s) => s.id === stage).label;

let server, browser;
before(async () => { server = await serve({ csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(query = '', { width = 1280, colorScheme = 'light', javaScriptEnabled = true, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled, bypassCSP });
  const page = await context.newPage();
  recordMessages(page);
  await page.goto(`${server.base}examples/kubernetes.html${query}`);
  // Live: taken over, and the release matrix (or the table) has its rows.
  if (javaScriptEnabled) {
    await page.waitForFunction(() => document.querySelector('.fm-root.fm-live')
      && document.querySelector('.fm-rm-row, .fm-row, .fm-empty'));
  }
  return page;
}
const cellTexts = (page, id) => page.locator('.fm-rm-row', { has: page.locator('.fm-rm-name', { hasText: id }) })
  .first().locator('.fm-rm-cell').allTextContents();

test('without JavaScript the page is the release matrix: every gate in every release, and the chart as numbers', async () => {
  const page = await open('', { javaScriptEnabled: false });
  assert.equal(await page.locator('.fm-rm-row').count(), k8s.features.length);
  assert.deepEqual(await page.locator('.fm-rm-release').allInnerTexts(), k8s.releases);
  // AnyVolumeDataSource: Alpha from 1.18, Beta from 1.24, GA from 1.33; nothing before 1.18.
  const gate = k8s.features.find((f) => f.name === 'AnyVolumeDataSource');
  const expected = k8s.releases.map((r, i) => {
    const now = stageAt(gate, r);
    if (now === null) return 'not yet present';
    const before = i > 0 ? stageAt(gate, k8s.releases[i - 1]) : null;
    return now === before ? label(now) : `${label(now)}, changed`;
  });
  assert.deepEqual(await cellTexts(page, 'AnyVolumeDataSource'), expected);
  // The chart's table: in the latest release, every gate counted once.
  const lastRow = page.locator('.fm-chart table tbody tr').last();
  const numbers = (await lastRow.locator('td').allInnerTexts()).map(Number);
  assert.equal(numbers.reduce((a, b) => a + b, 0), k8s.features.length);
  assert.equal(await page.locator('.fm-views').isVisible(), false, 'no view switch without JavaScript');
  await screenshot(page, 'k8s-releases-nojs');
  await page.context().close();
});

test('a release header selects that release (and again, the latest); the URL keeps it', async () => {
  const page = await open();
  const header = page.locator('.fm-rm-release button', { hasText: /^1\.24$/ });
  await header.click();
  await page.waitForFunction(() => /release=1\.24/.test(location.search));
  assert.equal(await header.getAttribute('aria-pressed'), 'true');
  assert.match(await page.locator('.fm-older').innerText(), /release 1\.24/);
  const selected = await page.locator('.fm-rm-row').first().locator('.fm-rm-cell.fm-rm-selected').count();
  assert.equal(selected, 1, 'the selected release\'s column stands out in each row');
  await header.click();
  await page.waitForFunction(() => !/release=/.test(location.search));
  assert.equal(await page.locator('.fm-older').count(), 0);
  assert.deepEqual(consoleErrors(page), []);
  await page.context().close();
});

test('changed=A..B lists the gates whose stage differs between the two, each as before → after', async () => {
  const page = await open('?changed=1.20..1.30');
  const expected = k8s.features.filter((f) => f.history.length && stageAt(f, '1.30') !== null && stageAt(f, '1.30') !== stageAt(f, '1.20'));
  assert.ok(expected.length > 10);
  await page.waitForFunction((n) => document.querySelectorAll('.fm-rm-row').length === n, expected.length);
  const gate = expected.find((f) => stageAt(f, '1.20') !== null);
  const change = page.locator('.fm-rm-row', { has: page.locator('.fm-rm-name', { hasText: gate.name }) }).first().locator('.fm-change');
  assert.equal((await change.innerText()).trim(), `${label(stageAt(gate, '1.20'))} → ${label(stageAt(gate, '1.30'))}`);
  const added = expected.find((f) => stageAt(f, '1.20') === null);
  const isNew = page.locator('.fm-rm-row', { has: page.locator('.fm-rm-name', { hasText: added.name }) }).first().locator('.fm-change');
  assert.equal((await isNew.innerText()).trim(), `→ ${label(stageAt(added, '1.30'))}`);
  // The same range in the table view, and a range picked with the controls.
  await page.locator('.fm-views button', { hasText: 'Table' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.fm-row').length === n, expected.length);
  assert.match(await page.evaluate(() => location.search), /changed=1\.20\.\.1\.30.*view=table/);
  const since = page.locator('.fm-release', { has: page.locator('.fm-release-label', { hasText: 'compared with' }) }).locator('select');
  await since.selectOption('1.28');
  await page.waitForFunction(() => /changed=1\.28\.\.1\.30/.test(location.search));
  assert.deepEqual(consoleErrors(page), []);
  await page.context().close();
});

test('the view switch shows the table and back; Back restores the release matrix', async () => {
  const page = await open();
  const switchTo = (name) => page.locator('.fm-views button', { hasText: name }).click();
  await switchTo('Table');
  await page.waitForSelector('.fm-matrix .fm-row');
  assert.equal(await page.locator('.fm-release-matrix').count(), 0);
  await page.goBack();
  await page.waitForSelector('.fm-release-matrix .fm-rm-row');
  assert.equal(await page.locator('.fm-views button[aria-pressed="true"]').innerText(), 'By release');
  await page.context().close();
});

test('a click on a bar of the chart selects its release', async () => {
  const page = await open();
  const svg = page.locator('.fm-chart-svg');
  const box = await svg.boundingBox();
  const at = rank('1.27');
  await svg.click({ position: { x: (at + 0.5) * box.width / k8s.releases.length, y: box.height / 2 } });
  await page.waitForFunction(() => /release=1\.27/.test(location.search));
  await page.context().close();
});

test('feature names stay in view sideways and release headers downwards', async () => {
  const page = await open('', { width: 800 });
  const box = page.locator('.fm-rm-scroll');
  const name = page.locator('.fm-rm-row .fm-rm-name').first();
  const head = page.locator('.fm-rm-release').last();
  const before = { name: await name.boundingBox(), box: await box.boundingBox() };
  await box.evaluate((b) => { b.scrollLeft = 400; b.scrollTop = 600; });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.ok(Math.abs((await name.boundingBox()).x - before.name.x) < 1, 'the name column moved sideways');
  assert.ok(Math.abs((await head.boundingBox()).y - before.box.y) < 4, 'the release headers scrolled away');
  await page.context().close();
});

/// Types `query` into the search box and reads the release matrix in the
/// frame after: its rows and whether it is busy (rows still to come).
const typeAndReadNextFrame = (page, query) => page.evaluate((q) => new Promise((resolve) => {
  const input = document.querySelector('.fm-search-input');
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  requestAnimationFrame(() => setTimeout(() => resolve({
    rows: document.querySelectorAll('.fm-rm-row').length,
    busy: document.querySelector('.fm-release-matrix').getAttribute('aria-busy'),
  })));
}), query);
const quiet = (page) => page.waitForFunction(() => !document.querySelector('.fm-release-matrix[aria-busy]'));
/// Two frames, and the observer's report that follows a frame.
const afterLayout = async (page) => {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(50);
};

test('a keystroke draws the first rows at once with the matrix in view, and none out of view until the pause', async () => {
  const page = await open('', { width: 1280 });
  // Out of view: a window too short to reach the matrix, scrolled to the top.
  await page.setViewportSize({ width: 1280, height: 300 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await afterLayout(page);
  assert.ok((await page.locator('.fm-rm-scroll').boundingBox()).y > 300, 'the matrix is below the window');
  assert.deepEqual(await typeAndReadNextFrame(page, 'pod'), { rows: 0, busy: 'true' });
  await quiet(page);
  const matches = await page.locator('.fm-rm-row').count();
  assert.ok(matches > 16, `"pod" matches more than a first screen (${matches})`);
  // In view: the first screen (16 rows) in the next frame, the rest after the pause.
  await typeAndReadNextFrame(page, '');
  await quiet(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('.fm-rm-scroll').evaluate((b) => b.scrollIntoView());
  await afterLayout(page);
  assert.deepEqual(await typeAndReadNextFrame(page, 'pod'), { rows: 16, busy: 'true' });
  await quiet(page);
  assert.equal(await page.locator('.fm-rm-row').count(), matches);
  await page.context().close();
});

for (const [name, options] of [
  ['light-1280', { width: 1280, colorScheme: 'light' }],
  ['dark-1280', { width: 1280, colorScheme: 'dark' }],
  ['light-375', { width: 375, colorScheme: 'light' }],
  ['dark-375', { width: 375, colorScheme: 'dark' }],
]) {
  test(`axe reports no violations in the release matrix (${name})`, async () => {
    const page = await open('?release=1.30', { ...options, bypassCSP: true });
    await screenshot(page, `k8s-releases-${name}`);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
}
