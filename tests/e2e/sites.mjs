// Shared by the docs-framework tests (vitepress, docusaurus, starlight): build
// an example of examples/ for real as a docs team would (a fresh copy, the
// framework from its lockfile, `npm install` of the packed tarball, the
// site's own build), serve the output and check the widget in Chromium:
//   a. prerendered rows in the built page, readable with JavaScript off;
//   b. taken over without a console error or a hydration complaint;
//   c. client-side navigation away and back mounts it once, and it works;
//   d. URL state in and out;
//   e. the site's dark-mode switch is followed, and every text is >= 4.5:1;
//   f. the site's CSS does not squeeze or decorate it (1280 and 375 px);
//   g. axe finds nothing inside it, in both themes.
// Installs are cached under the project's cache directory: npm's cache, and
// each example's installed node_modules keyed by its package.json, its
// lockfile and the Node and npm versions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { serve, launch, live, recordMessages, screenshot, root, target } from './harness.mjs';

const nodeModules = process.env.FM_NODE_MODULES
  || path.join(process.env.HOME || '/root', '.cache', 'feature-matrix', 'node', 'node_modules');
/// The project's cache directory (FM_CACHE overrides it, e.g. to time a cold install).
export const cache = process.env.FM_CACHE || path.resolve(nodeModules, '..', '..');
const tarball = process.env.FM_TARBALL;

const env = {
  ...process.env,
  npm_config_cache: path.join(cache, 'npm'),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  ASTRO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

/// Runs a command in `cwd`; returns its duration in seconds, or throws with its output.
function run(cwd, command, args, log) {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const output = `$ ${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`;
  if (log) fs.appendFileSync(log, output);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output.slice(-4000)}`);
  return (performance.now() - start) / 1000;
}

/// The example's files, without what its .gitignore leaves out (installs, outputs).
function copyExample(source, dir) {
  const ignored = fs.readFileSync(path.join(source, '.gitignore'), 'utf8')
    .split('\n').map((l) => l.trim().replace(/\/$/, '')).filter(Boolean);
  fs.cpSync(source, dir, {
    recursive: true,
    filter: (file) => {
      const rel = path.relative(source, file).split(path.sep).join('/');
      return !ignored.some((pattern) => rel === pattern || rel.startsWith(`${pattern}/`) || rel.split('/').includes(pattern));
    },
  });
}

/// The framework of examples/<name> installed from its lockfile, once per
/// lockfile (and Node and npm version), under the cache; a half-done install
/// is never reused. Returns where, whether it was there already, and the
/// seconds `npm ci` took. `cargo xtask test` calls it early, in the
/// background (`xtask/node/prefetch-sites.mjs`), while Rust compiles.
export function installFramework(name, log) {
  const source = path.join(root, 'examples', name);
  const npmVersion = spawnSync('npm', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
  const key = crypto.createHash('sha256')
    .update(fs.readFileSync(path.join(source, 'package.json')))
    .update(fs.readFileSync(path.join(source, 'package-lock.json')))
    .update(`${process.version} ${npmVersion}`)
    .digest('hex').slice(0, 16);
  const installed = path.join(cache, 'sites', `${name}-${key}`);
  const result = { installed, cached: fs.existsSync(path.join(installed, 'node_modules')) };
  if (!result.cached) {
    const staging = `${installed}.partial-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(source, file), path.join(staging, file));
    result.ci = run(staging, 'npm', ['ci', '--prefer-offline'], log);
    fs.rmSync(installed, { recursive: true, force: true });
    fs.renameSync(staging, installed);
    // Installs for an older lockfile are of no more use.
    for (const old of fs.readdirSync(path.dirname(installed))) {
      if (old.startsWith(`${name}-`) && old !== path.basename(installed) && !old.includes('.partial-')) {
        fs.rmSync(path.join(path.dirname(installed), old), { recursive: true, force: true });
      }
    }
  }
  return result;
}

/// Builds examples/<name> in a fresh temporary directory; returns its paths and timings.
export function buildSite(name, outDir) {
  assert.ok(tarball && fs.existsSync(tarball), `FM_TARBALL names the packed package (${tarball})`);
  const source = path.join(root, 'examples', name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fm-${name}-`));
  const log = path.join(dir, 'build.log');
  copyExample(source, dir);
  const start = performance.now();
  const { installed, cached, ci } = installFramework(name, log);
  const timings = { cached, ci };
  run(dir, 'cp', ['-a', path.join(installed, 'node_modules'), path.join(dir, 'node_modules')]);
  // What a docs team does: `npm install feature-matrix`, here from the packed tarball.
  timings.tarball = run(dir, 'npm', ['install', '--prefer-offline', tarball], log);
  timings.install = (performance.now() - start) / 1000;
  timings.build = run(dir, 'npm', ['run', 'build'], log);
  const out = path.join(dir, outDir);
  return { dir, out, log, timings };
}

/// Where `cargo xtask test` builds the sites ahead of their tests, in the
/// background at a low priority (`xtask/node/prebuild-sites.mjs`), while
/// the tests before them run: `<name>.json` names a finished build,
/// `<name>.building` one under way (with the builder's process id).
const prebuilt = path.join(target, 'prebuilt-sites');
/// The tarball the sites are built from, as a stamp a build records.
const tarballStamp = () => { const s = fs.statSync(tarball); return `${tarball} ${s.size} ${s.mtimeMs}`; };

/// Builds each `[name, outDir]` as `buildSite` does, in order, for its test
/// to take (`takePrebuilt`): all are marked under way at once, so that a
/// test that comes early waits for its build instead of making another.
/// Yields each name with its build's seconds, or the error that stopped it.
export function* prebuildSites(sites) {
  fs.mkdirSync(prebuilt, { recursive: true });
  const marker = (name) => path.join(prebuilt, `${name}.json`);
  for (const [name] of sites) {
    fs.rmSync(marker(name), { force: true });
    fs.writeFileSync(`${marker(name)}.building`, String(process.pid));
  }
  for (const [name, outDir] of sites) {
    const start = performance.now();
    try {
      const built = buildSite(name, outDir);
      fs.writeFileSync(marker(name), JSON.stringify({ stamp: tarballStamp(), built }));
      yield [name, (performance.now() - start) / 1000];
    } catch (e) {
      yield [name, e];
    } finally {
      fs.rmSync(`${marker(name)}.building`, { force: true });
    }
  }
}

/// Whether a build is under way: its marker is there, and its builder
/// runs (a suite stopped halfway leaves the marker).
function underWay(marker) {
  try {
    const pid = Number(fs.readFileSync(`${marker}.building`, 'utf8'));
    return pid > 0 && process.kill(pid, 0);
  } catch {
    return false;
  }
}

/// The site built ahead from this tarball, once (waiting for a build under
/// way); `null` when there is none, and the test builds it.
async function takePrebuilt(name) {
  const marker = path.join(prebuilt, `${name}.json`);
  for (const start = Date.now(); underWay(marker) && Date.now() - start < 15 * 60 * 1000;) {
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!fs.existsSync(marker)) return null;
  const { stamp, built } = JSON.parse(fs.readFileSync(marker, 'utf8'));
  fs.rmSync(marker);
  if (stamp === tarballStamp() && fs.existsSync(built.out)) return { ...built, timings: { ...built.timings, ahead: true } };
  fs.rmSync(built.dir, { recursive: true, force: true });
  return null;
}

/// The widget alone, in a page with no stylesheet but its own: what the
/// site's page is compared with (check f).
async function writeReference(site) {
  const pkg = path.join(site.dir, 'node_modules', 'feature-matrix');
  const { render } = await import(pathToFileURL(path.join(pkg, 'node', 'index.js')));
  const html = await render(fs.readFileSync(path.join(pkg, 'embed', 'features.en.json'), 'utf8'), { lang: 'en', urlState: true, headingLevel: 2 });
  fs.mkdirSync(path.join(site.out, 'fm-reference'), { recursive: true });
  fs.writeFileSync(path.join(site.out, 'fm-reference', 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The widget alone</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/feature-matrix/feature-matrix.css">
<script type="module" src="/feature-matrix/embed.js"></script>
</head><body><main><feature-matrix lang="en" url-state>${html}</feature-matrix></main></body></html>
`);
}

/// Console messages in which a framework reports a hydration problem (React
/// #418/#423/#425 and onRecoverableError, Vue's "Hydration … mismatch",
/// Astro's island errors).
const HYDRATION = /hydrat|mismatch|Minified React error #4(1[89]|2[0-5])|onRecoverableError|\[astro-island\]|\[Vue warn\]/i;

export const problems = (page) => page.messages.filter((m) => m.type === 'error' || m.type === 'pageerror'
  || (m.type === 'warning' && HYDRATION.test(m.text)));

// ---- figures measured in the page ------------------------------------------------

/// In the page: WCAG contrast of every visible text inside .fm-root against
/// its effective background, and the root's own background luminance.
export function measureContrast() {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  // Computed colours come as rgb()/rgba(), or oklch()/color(srgb …) from
  // light-dark() and color-mix(): rgb() is read directly, anything else
  // through a canvas pixel (sRGB, 8 bits).
  const rgba = (css) => {
    const m = css.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/);
    if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : (m[5] ? m[4] / 100 : +m[4])];
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (l1 + 0.05) / (l2 + 0.05); };
  /// The colour behind `el`: its own and its ancestors' backgrounds, composited
  /// down to the first opaque one (white if none is).
  const background = (el) => {
    const layers = [];
    for (let n = el; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
  };
  const opacity = (el) => { let o = 1; for (let n = el; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity); return o; };
  const describe = (el) => `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')} "${(el.value || el.placeholder || el.textContent).trim().slice(0, 30)}"`;
  const rootEl = document.querySelector('feature-matrix .fm-root, [data-feature-matrix] .fm-root');
  const texts = [];
  for (const el of rootEl.querySelectorAll('*')) {
    const field = el.matches('input:not([type=checkbox]):not([type=radio]), select, textarea');
    const hasText = field || [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!hasText || !el.checkVisibility({ visibilityProperty: true })) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden text
    const bg = background(el);
    const colours = [getComputedStyle(el).color];
    if (el.matches('input') && el.placeholder && !el.value) colours[0] = getComputedStyle(el, '::placeholder').color;
    for (const colour of colours) {
      const [r, g, b, a] = rgba(colour);
      const fg = over([r, g, b, a * opacity(el)], bg);
      texts.push({ ratio: ratio(fg, bg), what: describe(el), color: colour, background: `rgb(${bg.map(Math.round).join(' ')})` });
    }
  }
  texts.sort((x, y) => x.ratio - y.ratio);
  return {
    rootLuminance: luminance(background(rootEl)),
    rootBackground: getComputedStyle(rootEl).backgroundColor,
    count: texts.length,
    below: texts.filter((t) => t.ratio < 4.5).length,
    worst: texts.slice(0, 5),
  };
}

/// In the page: the definitions table's fit, and the box properties of the
/// widget's parts (lengths in rem of the page, so pages with another root
/// font size compare).
function measureLayout() {
  const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const el = document.querySelector('feature-matrix .fm-root');
  const table = el.querySelector('.fm-defs-table');
  const container = table.parentElement;
  const box = getComputedStyle(container);
  const containerWidth = container.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
  const rowWidth = table.tBodies[0].rows[0].getBoundingClientRect().width;
  const narrow = [];
  for (const cell of table.querySelectorAll('tbody th, tbody td')) {
    const style = getComputedStyle(cell);
    const content = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    // Words as a line may break them: at spaces, and after a hyphen.
    const words = cell.textContent.split(/\s+|(?<=-)(?=\S)/).filter(Boolean);
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    cell.append(probe);
    let longest = { word: '', width: 0 };
    for (const word of words) {
      probe.textContent = word;
      const width = probe.getBoundingClientRect().width;
      if (width > longest.width) longest = { word, width };
    }
    probe.remove();
    if (content + 0.5 < longest.width) narrow.push(`"${longest.word}" needs ${longest.width.toFixed(0)}px, has ${content.toFixed(0)}px`);
  }
  const firstColumn = table.querySelector('tbody th[scope="row"]');
  // The feature table fills its container too (its columns are set in percent).
  const matrix = el.querySelector('.fm-matrix');
  const matrixBox = getComputedStyle(matrix.parentElement);
  const matrixContainer = matrix.parentElement.clientWidth - parseFloat(matrixBox.paddingLeft) - parseFloat(matrixBox.paddingRight);
  const matrixRow = matrix.querySelector('.fm-row').getBoundingClientRect().width;
  const PROPS = ['margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
    'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width', 'font-family', 'font-size', 'font-weight', 'font-style',
    'line-height', 'letter-spacing', 'text-transform', 'text-decoration-line', 'color', 'background-color', 'box-shadow', 'display'];
  const PARTS = [['.fm-title', 0], ['.fm-subtitle', 0], ['.fm-intro', 0], ['.fm-defs-inline > summary', 0], ['.fm-defs-table', 0],
    ['.fm-defs-table thead th', 0], ['.fm-defs-table tbody th', 0], ['.fm-defs-table tbody td', 0], ['.fm-defs-table tbody tr', 1],
    ['.fm-search-input', 0], ['.fm-chip', 0], ['.fm-button', 0], ['.fm-summary', 0], ['.fm-summary th', 0], ['.fm-summary td', 0],
    ['.fm-matrix', 0], ['.fm-matrix thead th', 0], ['.fm-group-head th', 0], ['.fm-matrix .fm-row', 1], ['.fm-matrix .fm-row td', 0],
    ['.fm-badge', 0], ['.fm-link', 0], ['.fm-footer', 0]];
  const parts = {};
  for (const [selector, index] of PARTS) {
    const part = el.querySelectorAll(selector)[index];
    if (!part) continue;
    const style = getComputedStyle(part);
    parts[`${selector}${index ? ` #${index + 1}` : ''}`] = Object.fromEntries(PROPS.map((p) => {
      const value = style.getPropertyValue(p);
      // Lengths in rem; a border's width only where it shows.
      if (p.startsWith('border-') && style.getPropertyValue(p.replace('width', 'style')) === 'none') return [p, '0rem'];
      return [p, value.replace(/(-?[\d.]+)px/g, (_, n) => `${+(n / rootSize).toFixed(3)}rem`)];
    }));
  }
  return {
    containerWidth, rowWidth, narrow, matrixContainer, matrixRow,
    firstColumn: firstColumn && { width: firstColumn.getBoundingClientRect().width },
    overflowing: [...table.querySelectorAll('tbody th, tbody td')].filter((c) => c.scrollWidth > c.clientWidth + 1).length,
    parts,
  };
}

/// Scoped axe: the framework's own chrome is not the widget's, so only
/// violations at nodes inside <feature-matrix> count.
export async function axeInWidget(page) {
  await page.addScriptTag({ path: path.join(nodeModules, 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) => {
      const inside = v.nodes.filter((n) => document.querySelector(n.target[0])?.closest('feature-matrix, [data-feature-matrix]'));
      return inside.length ? [`${v.id}: ${v.help} (${inside.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${inside.length > 3 ? ` and ${inside.length - 3} more` : ''})`] : [];
    });
  });
}

// ---- the suite ------------------------------------------------------------------

/// The checks for one docs framework. `site` describes it:
///   name, out: the example's directory under examples/ and its build output;
///   page, other: the widget's page and a plain page (paths under the root);
///   nav(page, path): a link in the site's own navigation to `path`;
///   spa: whether the site navigates on the client;
///   hydration: the path of the script the framework's hydration waits for (none: nothing hydrates);
///   theme: { key, value(dark), isDark() in the page, set(page, dark) with the site's own switch }.
export function siteSuite(site) {
  let built, server, browser, catalogue;
  const figures = [];

  before(async () => {
    built = await takePrebuilt(site.name) ?? buildSite(site.name, site.out);
    const t = built.timings;
    figures.push(`${site.name}: install ${t.install.toFixed(1)} s (${t.cached ? 'node_modules from the cache' : `npm ci ${t.ci.toFixed(1)} s`}, tarball ${t.tarball.toFixed(1)} s), build ${t.build.toFixed(1)} s${t.ahead ? ', ahead of the test' : ''}`);
    await writeReference(built);
    catalogue = JSON.parse(fs.readFileSync(path.join(built.dir, 'node_modules', 'feature-matrix', 'embed', 'features.en.json'), 'utf8'));
    server = await serve({ dir: built.out });
    browser = await launch();
  }, { timeout: 20 * 60 * 1000 });

  after(async () => {
    for (const line of figures) console.log(`# ${line}`);
    await browser?.close();
    await server?.close();
    if (built && !process.env.FM_KEEP_SITE) fs.rmSync(built.dir, { recursive: true, force: true });
  });

  /// A page in a fresh context. `dark`: the site's stored theme before load
  /// (undefined: none); `colorScheme`: the system preference. Messages are
  /// recorded from the first navigation.
  async function open(url, { dark, colorScheme = 'light', width = 1280, javaScriptEnabled = true } = {}) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled });
    if (dark !== undefined) {
      await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [site.theme.key, site.theme.value(dark)]);
    }
    const page = await context.newPage();
    recordMessages(page);
    await page.goto(server.base + url);
    return page;
  }

  const rowCount = (page) => page.evaluate(() => document.querySelectorAll('feature-matrix .fm-row').length);

  test('the example pins its framework, and the site has the package from the tarball', () => {
    const source = path.join(root, 'examples', site.name);
    const pkg = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is pinned to an exact version`);
    }
    const lock = JSON.parse(fs.readFileSync(path.join(source, 'package-lock.json'), 'utf8'));
    const elsewhere = Object.entries(lock.packages).filter(([at, p]) => at && !p.resolved?.startsWith('https://registry.npmjs.org/'));
    assert.deepEqual(elsewhere.map(([at]) => at), [], 'every locked package comes from registry.npmjs.org');
    const installed = path.join(built.dir, 'node_modules', 'feature-matrix');
    assert.equal(fs.lstatSync(installed).isSymbolicLink(), false, 'not a link into the repository');
    assert.equal(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).name, 'feature-matrix');
  });

  test('a. the rows are in the built page and read with JavaScript off', async () => {
    const html = fs.readFileSync(path.join(built.out, site.page, 'index.html'), 'utf8');
    assert.equal((html.match(/class="fm-row[ "]/g) || []).length, catalogue.features.length);
    const page = await open(site.page, { javaScriptEnabled: false });
    assert.equal(await page.locator('feature-matrix .fm-row').count(), catalogue.features.length);
    assert.ok(await page.locator('feature-matrix .fm-row').first().isVisible(), 'the first row shows');
    assert.match(await page.locator('feature-matrix .fm-title').innerText(), /Feature status/);
    await page.context().close();
  });

  test('b. the widget takes over without a console error or a hydration complaint', async () => {
    const page = await open(site.page);
    await live(page);
    // Hydration finishes after the page's scripts load; give a late complaint time to show.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('feature-matrix .fm-root').count(), 1);
    assert.ok(await page.locator('feature-matrix .fm-root.fm-live').count(), 'still live after the framework hydrated');
    await page.locator('.fm-search-input').fill('helm');
    await page.waitForFunction((n) => document.querySelectorAll('feature-matrix .fm-row').length < n, catalogue.features.length);
    await screenshot(page, `site-${site.name}`);
    const warnings = page.messages.filter((m) => m.type === 'warning');
    if (warnings.length) figures.push(`${site.name}: console warnings: ${warnings.map((w) => w.text).join(' | ')}`);
    assert.deepEqual(problems(page), []);
    await page.context().close();
  });

  test('b. taken over before the framework hydrates, the widget survives hydration', { skip: !site.hydration && 'the page has no island: nothing hydrates the element' }, async () => {
    // The order is a race on a real network (the wasm against the framework's
    // chunks); holding the chunk that hydration needs decides it for the widget.
    const held = await serve({ dir: built.out, hold: (p) => site.hydration.test(p) });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      recordMessages(page);
      const loading = page.goto(held.base + site.page);
      await live(page);
      const hydrating = page.waitForResponse((r) => site.hydration.test(new URL(r.url()).pathname));
      held.release();
      await hydrating;
      await loading;
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      assert.equal(await page.locator('feature-matrix .fm-root.fm-live').count(), 1, 'still live after the framework hydrated');
      assert.equal(await page.locator('feature-matrix > script').count(), 0, 'the prerendered markup did not come back');
      await page.locator('.fm-search-input').fill('helm');
      await page.waitForFunction((n) => document.querySelectorAll('feature-matrix .fm-row').length < n, catalogue.features.length);
      assert.deepEqual(problems(page), []);
      await context.close();
    } finally {
      await held.close();
    }
  });

  test('c. navigating away and back on the client mounts the widget once, and it works', async () => {
    const page = await open(site.page);
    await live(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    await site.nav(page, site.other).click();
    await page.waitForURL((url) => url.pathname === `/${site.other}`);
    await page.waitForFunction(() => !document.querySelector('feature-matrix'));
    await site.nav(page, site.page).click();
    await page.waitForURL((url) => url.pathname === `/${site.page}`);
    await live(page);
    if (site.spa) assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the site navigated on the client');
    assert.equal(await page.locator('feature-matrix').count(), 1);
    assert.equal(await page.locator('feature-matrix > .fm-root').count(), 1, 'mounted once');
    assert.equal(await page.locator('feature-matrix .fm-root').count(), 1, 'no widget inside the widget');
    assert.equal(await rowCount(page), catalogue.features.length);
    await page.locator('.fm-search-input').fill('helm');
    await page.waitForFunction((n) => document.querySelectorAll('feature-matrix .fm-row').length < n, catalogue.features.length);
    assert.ok(await rowCount(page) > 0);
    assert.match(new URL(page.url()).search, /q=helm/);
    assert.deepEqual(problems(page), []);
    await page.context().close();
  });

  test('d. the view comes from the URL, and a filter writes it back', async () => {
    const alpha = catalogue.features.filter((f) => f.stage === 'alpha').length;
    const beta = catalogue.features.filter((f) => f.stage === 'beta').length;
    const page = await open(`${site.page}?stage=alpha`);
    await live(page);
    assert.equal(await rowCount(page), alpha);
    assert.deepEqual(await page.locator('feature-matrix .fm-row .fm-badge').allInnerTexts(), Array(alpha).fill('Alpha'));
    await page.locator('feature-matrix .fm-chip-preview').click();
    await page.waitForFunction((n) => document.querySelectorAll('feature-matrix .fm-row').length === n, alpha + beta);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('stage') === 'alpha,beta');
    assert.equal(new URL(page.url()).pathname, `/${site.page}`);
    assert.deepEqual(problems(page), []);
    await page.context().close();
  });

  /// Each theme of the site, reached at load (the site's stored choice against
  /// the opposite system preference) and by its own switch after load.
  async function eachTheme(visit) {
    for (const [dark, colorScheme] of [[true, 'light'], [false, 'dark']]) {
      const page = await open(site.page, { dark, colorScheme });
      await live(page);
      assert.equal(await page.evaluate(site.theme.isDark), dark, `the site loads ${dark ? 'dark' : 'light'}`);
      await visit(page, { dark, how: `at load, system ${colorScheme}` });
      await site.theme.set(page, !dark);
      await page.waitForFunction(`(${site.theme.isDark})() === ${!dark}`, null, { timeout: 5000 }).catch(() => {});
      assert.equal(await page.evaluate(site.theme.isDark), !dark, `the site's switch made it ${dark ? 'light' : 'dark'}`);
      // Hosts fade their colours when the theme changes.
      await page.waitForTimeout(800);
      await visit(page, { dark: !dark, how: `switched after load, system ${colorScheme}` });
      assert.deepEqual(problems(page), []);
      await page.context().close();
    }
  }

  test('e. the widget follows the site\'s dark mode, and every text has 4.5:1 contrast', async () => {
    const failures = [];
    const worst = { dark: { ratio: Infinity, below: 0 }, light: { ratio: Infinity, below: 0 } };
    await eachTheme(async (page, { dark, how }) => {
      const m = await page.evaluate(measureContrast);
      const theme = dark ? 'dark' : 'light';
      const low = m.worst[0];
      figures.push(`${site.name} ${theme} (${how}): root background ${m.rootBackground}, worst contrast ${low.ratio.toFixed(2)} (${low.what}: ${low.color} on ${low.background}), ${m.below} of ${m.count} texts below 4.5`);
      worst[theme].ratio = Math.min(worst[theme].ratio, low.ratio);
      worst[theme].below = Math.max(worst[theme].below, m.below);
      const isDark = m.rootLuminance < 0.1;
      const isLight = m.rootLuminance > 0.6;
      if (dark ? !isDark : !isLight) failures.push(`${theme} site (${how}): the widget's background is ${m.rootBackground}, not ${theme}`);
      if (m.below) failures.push(`${theme} site (${how}): ${m.below} texts below 4.5:1, worst ${m.worst.filter((t) => t.ratio < 4.5).slice(0, 3).map((t) => `${t.ratio.toFixed(2)} ${t.what}`).join('; ')}`);
    });
    for (const theme of ['dark', 'light']) figures.push(`${site.name} ${theme}: worst contrast ${worst[theme].ratio.toFixed(2)}, ${worst[theme].below} texts below 4.5`);
    assert.ok(!failures.length, failures.join('\n'));
  });

  test('f. the site\'s CSS neither squeezes nor decorates the widget (1280 and 375 px)', async () => {
    const failures = [];
    for (const width of [1280, 375]) {
      const page = await open(site.page, { dark: false, width });
      await live(page);
      const here = await page.evaluate(measureLayout);
      const reference = await open('fm-reference/', { width });
      await live(reference);
      const alone = await reference.evaluate(measureLayout);
      await reference.context().close();
      await screenshot(page, `site-${site.name}-${width}`);
      await page.context().close();
      const at = `${width} px`;
      figures.push(`${site.name} ${at}: definitions table row ${here.rowWidth.toFixed(0)} px in ${here.containerWidth.toFixed(0)} px, first column ${here.firstColumn?.width.toFixed(0)} px, ${here.narrow.length} cells narrower than their longest word, ${here.overflowing} overflowing`);
      figures.push(`${site.name} ${at}: feature table row ${here.matrixRow.toFixed(0)} px in ${here.matrixContainer.toFixed(0)} px`);
      if (here.rowWidth + 1 < here.containerWidth) failures.push(`${at}: the definitions table is ${here.rowWidth.toFixed(0)} px wide in a ${here.containerWidth.toFixed(0)} px container`);
      if (here.matrixRow + 1 < here.matrixContainer) failures.push(`${at}: the feature table's rows are ${here.matrixRow.toFixed(0)} px wide in a ${here.matrixContainer.toFixed(0)} px container`);
      for (const cell of here.narrow) failures.push(`${at}: a definitions cell is narrower than its longest word: ${cell}`);
      if (here.overflowing) failures.push(`${at}: ${here.overflowing} definitions cells overflow`);
      for (const [part, props] of Object.entries(alone.parts)) {
        const changed = Object.entries(props).filter(([prop, value]) => here.parts[part]?.[prop] !== value)
          .map(([prop, value]) => `${prop} ${here.parts[part]?.[prop]} (alone ${value})`);
        if (changed.length) failures.push(`${at}: ${part}: ${changed.join(', ')}`);
      }
    }
    for (const f of failures) figures.push(`${site.name} f: ${f}`);
    assert.ok(!failures.length, `${failures.length} findings:\n${failures.join('\n')}`);
  });

  test('g. axe finds no violation inside the widget, in either theme', async () => {
    const found = [];
    await eachTheme(async (page, { dark, how }) => {
      const violations = await axeInWidget(page);
      figures.push(`${site.name} ${dark ? 'dark' : 'light'} (${how}): ${violations.length} axe violations inside the widget${violations.length ? `: ${violations.join('; ')}` : ''}`);
      found.push(...violations.map((v) => `${dark ? 'dark' : 'light'} (${how}): ${v}`));
    });
    assert.ok(!found.length, found.join('\n'));
  });
}
