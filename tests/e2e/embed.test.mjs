// The embed path: two instances on a docs page under a strict CSP, prefixed URL
// state, a broken data-src isolated to its instance, and serving from a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, openTracked, consoleErrors, screenshot, settled, STRICT_CSP } from './harness.mjs';

let server, browser;
before(async () => { server = await serve({ csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openEmbed(base, query = '') {
  const page = await openTracked(browser, base + 'examples/embed.html' + query);
  await page.waitForFunction(() => document.querySelectorAll('#instance-a .fm-row').length > 0
    && document.querySelectorAll('#instance-b .fm-row, #instance-b .fm-empty').length > 0);
  await settled(page);
  return page;
}

const instanceRows = (page, id) => page.locator(`#${id} .fm-row`).count();

test('both instances render under the strict CSP with no violation', async () => {
  const page = await openEmbed(server.base);
  assert.equal(await instanceRows(page, 'instance-a'), 42);
  assert.equal(await instanceRows(page, 'instance-b'), 42);
  assert.equal((await page.locator('#instance-a .fm-title').innerText()).trim(), '功能状态');
  assert.equal((await page.locator('#instance-b .fm-title').innerText()).trim(), 'Feature status');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(consoleErrors(page), []);
  await screenshot(page, 'embed-two-instances');
});

test('instance b keeps its state under its prefix and leaves instance a alone', async () => {
  const page = await openEmbed(server.base, '?b.q=helm&q=ignored&keep=1');
  assert.equal(await instanceRows(page, 'instance-b'), 1);
  assert.equal(await instanceRows(page, 'instance-a'), 42);
  await page.locator('#instance-b .fm-chip-preview').click();
  await page.waitForFunction(() => location.search === '?q=ignored&keep=1&b.q=helm&b.stage=beta');
  await page.locator('#instance-a .fm-chip-experimental').click();
  await page.waitForFunction(() => document.querySelectorAll('#instance-a .fm-row').length === 11);
  // Instance a has no data-url-state: the URL is untouched by it.
  assert.equal(await page.evaluate(() => location.search), '?q=ignored&keep=1&b.q=helm&b.stage=beta');
  await page.goBack();
  await page.waitForFunction(() => location.search === '?b.q=helm&q=ignored&keep=1');
  assert.equal(await page.locator('#instance-b .fm-chip-preview').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
});

test('a data-src that 404s shows the error panel in that instance alone', async () => {
  const page = await openPage(browser, server.base + 'fixtures/embed-404.html');
  await page.locator('#broken .fm-error').waitFor();
  await page.locator('#good .fm-row').first().waitFor();
  await settled(page);
  assert.equal(await page.locator('#good .fm-row').count(), 42);
  assert.equal(await page.locator('#good .fm-error').count(), 0);
  const error = await page.locator('#broken .fm-error').innerText();
  assert.match(error, /Could not fetch the feature catalogue/);
  assert.match(error, /404/);
  assert.equal(await page.locator('#after').isVisible(), true);
  await screenshot(page, 'embed-404');
});

test('the bundle works when served from a sub-path', async () => {
  const sub = await serve({ prefix: '/assets/docs/', csp: STRICT_CSP });
  try {
    const page = await openEmbed(sub.base);
    assert.equal(await instanceRows(page, 'instance-a'), 42);
    assert.equal(await instanceRows(page, 'instance-b'), 42);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  } finally {
    await sub.close();
  }
});
