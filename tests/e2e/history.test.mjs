// Release history on real data: the Kubernetes example (every feature gate's
// stage per release): release picker, "changed in" filter, URL round trip,
// permalinks, and axe with the new controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, live, rows, consoleErrors, screenshot, axe, root, STRICT_CSP, recordMessages } from './harness.mjs';

const k8s = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'kubernetes.json'), 'utf8'));
const rank = (release) => k8s.releases.indexOf(release);
/// The stage of a feature as of a release, from its history (the test's own reading).
function stageAt(feature, release) {
  const entries = feature.history.filter((h) => rank(h.since) <= rank(release));
  return entries.length ? entries.at(-1).stage : null;
}
const existingAt = (release) => k8s.features.filter((f) => stageAt(f, release) !== null);
const changedIn = (release) => k8s.features.filter((f) => {
  const before = rank(release) > 0 ? stageAt(f, k8s.releases[rank(release) - 1]) : null;
  const now = stageAt(f, release);
  return now !== null && now !== before;
});

let server, browser;
before(async () => { server = await serve({ csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(query = '', { width = 1280, colorScheme = 'light', bypassCSP = false } = {}) {
  // axe is injected as an inline script, which the page's CSP forbids: only the axe runs bypass it.
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, bypassCSP });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  recordMessages(page);
  await page.goto(`${server.base}examples/kubernetes.html${inTable(query)}`);
  await live(page);
  return page;
}
// The example opens in the release matrix; these tests read its table view.
function inTable(query) {
  if (query.includes('view=')) return query;
  const [search, hash] = query.split('#');
  const withView = search ? `${search}&view=table` : '?view=table';
  return hash === undefined ? withView : `${withView}#${hash}`;
}
const count = (page, n) => page.waitForFunction((n) => document.querySelectorAll('.fm-row').length === n, n, { timeout: 10000 });
const picker = (page, label) => page.locator('.fm-release', { has: page.locator('.fm-release-label', { hasText: label }) }).locator('select');

test('the release picker shows every gate as of that release, and the URL keeps it', async () => {
  const page = await open();
  assert.equal(await rows(page).count(), k8s.features.length);
  await picker(page, 'As of release').selectOption('1.20');
  await count(page, existingAt('1.20').length);
  assert.match(await page.evaluate(() => location.search), /release=1\.20/);
  const row = page.locator('#feature-any-volume-data-source');
  assert.equal((await row.locator('button.fm-badge').evaluate((b) => b.firstChild.textContent)).trim(), 'Alpha');
  assert.match(await row.locator('.fm-since').innerText(), /since 1\.18/);
  // As of 1.20 nothing from later releases shows: no later steps, and the
  // reader is told that this is not the latest.
  assert.equal(await row.locator('.fm-timeline').count(), 0);
  assert.match(await page.locator('.fm-older').innerText(), /You are looking at release 1\.20; the latest is 1\.3\d\./);
  // The stage chips count the release's stages.
  const expectedAlpha = existingAt('1.20').filter((f) => stageAt(f, '1.20') === 'alpha').length;
  const alphaChip = page.locator('.fm-chip', { has: page.locator('.fm-chip-label', { hasText: /^Alpha$/ }) });
  assert.equal(Number(await alphaChip.locator('.fm-chip-count').innerText()), expectedAlpha);
  await page.goBack();
  await count(page, k8s.features.length);
  assert.match(await row.locator('.fm-timeline').innerText(), /Alpha\s*1\.18.*Beta\s*1\.24.*GA\s*1\.33/s);
  assert.equal(await page.locator('.fm-older').count(), 0);
  assert.deepEqual(consoleErrors(page), []);
  await page.context().close();
});

test('"changed in" shows only the gates whose stage changed in that release', async () => {
  const page = await open('?changed=1.33');
  await count(page, changedIn('1.33').length);
  assert.ok(changedIn('1.33').length > 10);
  assert.equal(await picker(page, 'Changed in').inputValue(), '1.33');
  await picker(page, 'Changed in').selectOption('1.32');
  await count(page, changedIn('1.32').length);
  assert.match(await page.evaluate(() => location.search), /changed=1\.32/);
  await page.getByRole('button', { name: 'Reset filters', exact: true }).first().click();
  await count(page, k8s.features.length);
  await page.context().close();
});

test('release and changed round-trip through the URL, and unknown values only warn', async () => {
  const page = await open('?release=1.30&changed=1.30');
  const expected = changedIn('1.30').length;
  await count(page, expected);
  await page.reload();
  await live(page);
  await count(page, expected);
  const bad = await open('?release=9.99&changed=<x>');
  assert.equal(await rows(bad).count(), k8s.features.length);
  const warned = () => bad.messages.filter((m) => m.type === 'warning' && /release|changed/.test(m.text)).length;
  for (let i = 0; i < 50 && warned() < 2; i++) await bad.waitForTimeout(100);
  assert.equal(warned(), 2, JSON.stringify(bad.messages));
  assert.deepEqual(consoleErrors(bad), []);
  await page.context().close();
  await bad.context().close();
});

test('a #feature- link scrolls to its row, highlights it, and shows it even when a filter hides it', async () => {
  const page = await open('?stage=alpha#feature-any-volume-data-source');
  const row = page.locator('#feature-any-volume-data-source');
  await row.waitFor();
  assert.match(await row.getAttribute('class'), /fm-pinned/);
  assert.equal(await page.locator('.fm-pinned-note').count(), 1);
  const inView = await row.evaluate((r) => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; });
  assert.ok(inView, 'the linked row is not in view');
  // Its copy-link control copies a link with the anchor.
  await row.getByRole('button', { name: 'Copy link to AnyVolumeDataSource' }).click();
  await page.waitForFunction(() => document.querySelector('.fm-copy-status')?.textContent.length > 0);
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /kubernetes\.html\?stage=alpha&view=table#feature-any-volume-data-source$/);
  await screenshot(page, 'k8s-permalink');
  await page.context().close();
});

test('following a #feature- link on a long filtered list scrolls to its row within two frames', async () => {
  // 51 alpha rows (more than the first screen); WinOverlay (beta) is hidden by the filter.
  const page = await open('?stage=alpha');
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 51);
  // In view two frames after the link is followed, before the rest of the rows.
  const inView = await page.evaluate(() => new Promise((resolve) => {
    location.hash = '#feature-win-overlay';
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const b = document.getElementById('feature-win-overlay')?.getBoundingClientRect();
      resolve(Boolean(b) && b.top >= 0 && b.bottom <= innerHeight);
    }));
  }));
  assert.ok(inView, 'the linked row is not in view two frames after the link was followed');
  const row = page.locator('#feature-win-overlay');
  assert.match(await row.getAttribute('class'), /fm-pinned/);
  // The rows past the first screen follow once the page is quiet: 51 alpha rows and the pinned one.
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 52);
  assert.deepEqual(consoleErrors(page), []);
  await page.context().close();
});

for (const [name, options] of [
  ['light-1280', { width: 1280, colorScheme: 'light' }],
  ['dark-1280', { width: 1280, colorScheme: 'dark' }],
  ['light-375', { width: 375, colorScheme: 'light' }],
  ['dark-375', { width: 375, colorScheme: 'dark' }],
]) {
  test(`axe reports no violations with the release controls (${name})`, async () => {
    const page = await open('?release=1.30', { ...options, bypassCSP: true });
    await count(page, existingAt('1.30').length);
    await screenshot(page, `k8s-${name}`);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
}

test('after a change, the first screen of rows comes in the next frame and the rest follows', async () => {
  const page = await open();
  const alpha = k8s.features.filter((f) => f.stage === 'alpha').length;
  const firstFrame = await page.evaluate(() => new Promise((resolve) => {
    document.querySelector('.fm-chip').click();
    requestAnimationFrame(() => setTimeout(() => resolve(document.querySelectorAll('.fm-row').length)));
  }));
  assert.ok(firstFrame >= Math.min(40, alpha) && firstFrame <= alpha, `first frame had ${firstFrame} rows`);
  await count(page, alpha);
  // Back to every gate: the show-the-rest button never appears for fewer rows than the limit.
  await page.locator('.fm-chip').first().click();
  await count(page, k8s.features.length);
  assert.equal(await page.locator('.fm-show-all').count(), 0);
  await page.context().close();
});
