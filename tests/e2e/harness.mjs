// Shared end-to-end harness: a static server for the built bundle (optionally
// under a sub-path and with a CSP header) and headless Chromium via playwright-core.
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const dist = process.env.FM_DIST || path.join(root, 'dist');
export const target = process.env.FM_TARGET || path.join(root, 'target');
const nodeModules = process.env.FM_NODE_MODULES
  || path.join(process.env.HOME || '/root', '.cache', 'feature-matrix', 'node', 'node_modules');
export const screenshots = path.join(target, 'screenshots');
/// Test files too big or too generated to commit, served under /generated/.
export const generated = path.join(target, 'e2e-generated');
fs.mkdirSync(generated, { recursive: true });
fs.mkdirSync(screenshots, { recursive: true });

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.md': 'text/plain; charset=utf-8',
};

/// Serves `dir` (default `dist/`, plus the test folders under /hostile/, /fixtures/
/// and /generated/) at `prefix`, with an optional CSP. The benchmark uses it too.
/// Requests whose path `hold(path)` accepts wait until `release()` is called.
/// With `gzip`, responses are compressed for clients that accept it. With
/// `cacheAssets`, everything but HTML may be cached for an hour (a docs site's
/// stylesheet and scripts on a reader's second page); otherwise nothing is.
export async function serve({ prefix = '/', csp = null, dir = dist, hold = null, gzip = false, cacheAssets = false } = {}) {
  let held = [];
  const release = () => { const waiting = held; held = null; waiting?.forEach((go) => go()); };
  const server = http.createServer((req, res) => {
    if (hold && held && hold(new URL(req.url, 'http://x').pathname)) { held.push(() => respond(req, res)); return; }
    respond(req, res);
  });
  // Chromium asks every page without an icon for /favicon.ico (above any
  // prefix) and logs a 404 without its URL, whenever the answer comes: a
  // missing icon is answered with 204, not the widget's error.
  function missing(res, rel, why) {
    if (path.basename(rel) === 'favicon.ico') { res.writeHead(204); res.end(); return; }
    res.writeHead(404, { 'content-type': 'text/plain' }); res.end(why);
  }
  function respond(req, res) {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) { missing(res, rel, 'not under prefix'); return; }
    rel = rel.slice(prefix.length);
    if (rel === 'stalled/fifty-megabytes.json') {
      // Declares 50 MB and never sends it: only a client that checks the
      // Content-Length before reading the body can answer.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 50 * 1024 * 1024 });
      res.flushHeaders();
      return;
    }
    let base = dir;
    if (rel.startsWith('hostile/')) { base = path.join(root, 'tests'); }
    if (rel.startsWith('fixtures/')) { base = path.join(root, 'tests', 'e2e'); }
    if (rel.startsWith('generated/')) { base = generated; rel = rel.slice('generated/'.length); }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, rel);
    if (!file.startsWith(base) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      missing(res, rel, 'not found');
      return;
    }
    const headers = {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'content-length': fs.statSync(file).size,
      'cache-control': cacheAssets && path.extname(file) !== '.html' ? 'max-age=3600' : 'no-store',
    };
    if (csp) headers['content-security-policy'] = csp;
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
      res.writeHead(200, { ...headers, 'content-length': body.length, 'content-encoding': 'gzip' });
      res.end(body);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  }
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  // Browsers keep connections alive; close them, or close() waits forever.
  const close = () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); });
  return { base, close, release };
}

export async function launch() {
  const { chromium } = await import(path.join(nodeModules, 'playwright-core', 'index.mjs'));
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/// Keeps the page's console messages and uncaught errors in `page.messages`.
export function recordMessages(page) {
  page.messages = [];
  page.on('console', (m) => page.messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => page.messages.push({ type: 'pageerror', text: e.message }));
  return page;
}

/// A page that records console messages and uncaught errors.
export async function openPage(browser, url, { width = 1280, height = 900, colorScheme = 'light', reducedMotion = 'no-preference' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion });
  const page = await context.newPage();
  recordMessages(page);
  await page.goto(url);
  return page;
}

/// A page in its own context that records console messages, uncaught errors
/// and CSP violations (`window.__violations`). `context` takes Playwright's
/// context options (viewport, javaScriptEnabled, bypassCSP, …).
export async function openTracked(browser, url, context = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...context });
  await ctx.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await ctx.newPage();
  recordMessages(page);
  await page.goto(url);
  return page;
}

export const rows = (page) => page.locator('.fm-row');

/// Waits until every widget on the page has taken over (prerendered markup is
/// there before that) and shows rows, the empty state or an error, and no
/// table is busy (rows past the first screen come after a pause).
export async function live(page, timeout = 30000) {
  await page.waitForFunction(() => {
    const roots = [...document.querySelectorAll('.fm-root')];
    return roots.length > 0 && roots.every((r) => r.classList.contains('fm-live'))
      && document.querySelector('.fm-row, .fm-empty, .fm-error')
      && !document.querySelector('.fm-matrix[aria-busy="true"]');
  }, null, { timeout });
}

/// Waits until no feature table on the page is busy.
export async function settled(page, timeout = 10000) {
  await page.waitForFunction(() => !document.querySelector('.fm-matrix[aria-busy="true"]'), null, { timeout });
}

export async function rowNames(page) {
  return page.locator('.fm-row .fm-name').allInnerTexts();
}

export async function screenshot(page, name) {
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/// Runs axe-core on the page and returns its violations.
export async function axe(page) {
  await page.addScriptTag({ path: path.join(nodeModules, 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/// Errors in the console (a favicon the page lacks is answered with 204, so
/// Chromium's request for one logs none).
export function consoleErrors(page) {
  return page.messages.filter((m) => m.type === 'error' || m.type === 'pageerror');
}
