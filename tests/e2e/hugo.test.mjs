// The Hugo shortcode in a real Hugo build (Debian's hugo), in every form:
// prerendered, a run-time catalogue with prefixed URL state, and the bundled
// catalogue on the client; served under the strict CSP and checked in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, live, openTracked, consoleErrors, screenshot, root, dist, target, STRICT_CSP } from './harness.mjs';

const site = path.join(target, 'hugo-site');
let server, browser;

before(async () => {
  fs.rmSync(site, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'tests', 'hugo'), site, { recursive: true });
  fs.cpSync(path.join(root, 'examples', 'hugo', 'layouts', 'shortcodes'), path.join(site, 'layouts', 'shortcodes'), { recursive: true });
  fs.cpSync(path.join(dist, 'feature-matrix'), path.join(site, 'static', 'feature-matrix'), { recursive: true });
  fs.cpSync(path.join(root, 'data'), path.join(site, 'static', 'data'), { recursive: true });
  // The fragment, rendered with the same options as its shortcode (as the README says).
  const cli = path.join(target, 'debug', 'feature-matrix');
  const fragment = execFileSync(cli, ['render', path.join(root, 'data', 'features.zh.json'), '--url-state', '', '--heading-level', '2']);
  fs.mkdirSync(path.join(site, 'prerendered'));
  fs.writeFileSync(path.join(site, 'prerendered', 'features.zh.html'), fragment);
  execFileSync('hugo', ['--source', site, '--destination', path.join(site, 'public'), '--quiet'], { stdio: 'inherit' });
  server = await serve({ csp: STRICT_CSP, dir: path.join(site, 'public') });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const open = (query = '', javaScriptEnabled = true) => openTracked(browser, `${server.base}features/${query}`, { javaScriptEnabled });

const rowsIn = (page, i) => page.locator('[data-feature-matrix]').nth(i).locator('.fm-row').count();

test('hugo builds the shortcode in every form, and the page works under the strict CSP', async () => {
  const html = fs.readFileSync(path.join(site, 'public', 'features', 'index.html'), 'utf8');
  assert.equal((html.match(/<div data-feature-matrix/g) || []).length, 3);
  assert.match(html, /data-url-state=""/);
  assert.match(html, /data-url-state="b"/);
  assert.match(html, /基于 Helm 安装/, 'the prerendered fragment is in the built page');
  const page = await open();
  await live(page);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-feature-matrix]')]
    .every((m) => m.querySelectorAll('.fm-row').length === 42));
  assert.equal((await page.locator('[data-feature-matrix]').nth(1).locator('.fm-title').innerText()).trim(), 'Feature status');
  assert.equal(await page.locator('[data-feature-matrix]').nth(2).locator('.fm-root').getAttribute('data-theme'), 'dark');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.messages.filter((m) => m.type === 'error' || m.type === 'warning' || m.type === 'pageerror'), []);
  await screenshot(page, 'hugo-site');
  await page.context().close();
});

test('the prerendered instance reads without JavaScript; the others need it', async () => {
  const page = await open('', false);
  assert.equal(await rowsIn(page, 0), 42);
  assert.equal(await rowsIn(page, 1), 0);
  await page.context().close();
});

test('URL state in the Hugo page: unprefixed for the first instance, b. for the second', async () => {
  const page = await open('?stage=alpha&b.q=helm');
  await live(page);
  await page.waitForFunction(() => {
    const [a, b, c] = document.querySelectorAll('[data-feature-matrix]');
    return a.querySelectorAll('.fm-row').length === 11 && b.querySelectorAll('.fm-row').length === 1
      && c.querySelectorAll('.fm-row').length === 42;
  });
  assert.deepEqual(consoleErrors(page), []);
  await page.context().close();
});
