// Docs sites that navigate on the client: <feature-matrix> and
// [data-feature-matrix] elements added after load mount, removed ones tear
// down (no listener left behind), re-inserted ones mount again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, consoleErrors, STRICT_CSP, recordMessages } from './harness.mjs';

let server, browser;
before(async () => { server = await serve({ csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/// Counts the page's live popstate listeners.
function countPopstateListeners() {
  window.__popstate = 0;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (type === 'popstate' && this === window) window.__popstate++;
    return add.call(this, type, ...rest);
  };
  EventTarget.prototype.removeEventListener = function (type, ...rest) {
    if (type === 'popstate' && this === window) window.__popstate--;
    return remove.call(this, type, ...rest);
  };
}

async function open() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(countPopstateListeners);
  const page = await context.newPage();
  recordMessages(page);
  await page.goto(server.base + 'fixtures/navigation.html');
  await page.waitForFunction(() => customElements.get('feature-matrix'));
  return page;
}

const insert = (page, html) => page.evaluate((html) => {
  const outlet = document.getElementById('outlet');
  outlet.insertAdjacentHTML('beforeend', html);
}, html);
const rowCount = (page) => page.evaluate(() => document.querySelectorAll('.fm-row').length);

test('<feature-matrix> inserted after load mounts once; removed, it leaves no listener; re-inserted, it mounts again', async () => {
  const page = await open();
  await insert(page, '<feature-matrix id="fm" lang="zh" url-state=""></feature-matrix>');
  await page.waitForFunction(() => document.querySelectorAll('#fm .fm-row').length === 42);
  assert.equal(await page.locator('#fm .fm-root').count(), 1);
  assert.equal(await page.evaluate(() => window.__popstate), 1);
  const element = await page.evaluate(() => { window.__kept = document.getElementById('fm'); window.__kept.remove(); return true; });
  assert.ok(element);
  await page.waitForFunction(() => window.__popstate === 0);
  assert.equal(await page.evaluate(() => window.__kept.childElementCount), 0, 'the widget was not torn down');
  await page.evaluate(() => document.getElementById('outlet').append(window.__kept));
  await page.waitForFunction(() => document.querySelectorAll('#fm .fm-row').length === 42);
  assert.equal(await page.locator('#fm .fm-root').count(), 1, 'mounted twice');
  assert.equal(await page.evaluate(() => window.__popstate), 1);
  assert.deepEqual(consoleErrors(page), []);
});

test('[data-feature-matrix] added after load mounts, and unmounts when removed', async () => {
  const page = await open();
  await insert(page, '<div id="late" data-feature-matrix data-lang="en" data-url-state="late"></div>');
  await page.waitForFunction(() => document.querySelectorAll('#late .fm-row').length === 42);
  assert.equal(await page.evaluate(() => window.__popstate), 1);
  await page.evaluate(() => document.getElementById('late').remove());
  await page.waitForFunction(() => window.__popstate === 0);
  assert.equal(await rowCount(page), 0);
  assert.deepEqual(consoleErrors(page), []);
});

test('changing an attribute of <feature-matrix> re-renders it', async () => {
  const page = await open();
  await insert(page, '<feature-matrix id="fm" lang="zh"></feature-matrix>');
  await page.waitForFunction(() => document.querySelector('#fm .fm-title')?.textContent === '功能状态');
  await page.evaluate(() => document.getElementById('fm').setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.querySelector('#fm .fm-title')?.textContent === 'Feature status');
  assert.equal(await page.locator('#fm .fm-root').count(), 1);
  assert.deepEqual(consoleErrors(page), []);
});
