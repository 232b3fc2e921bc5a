// The npm package adopted as a docs team would: a fresh directory, `npm
// install` of the packed tarball (never a path into the repository), `npx
// feature-matrix validate` and `render` into a page whose assets come from
// node_modules, then that page served under the strict CSP and opened in
// Chromium: readable with JavaScript off, taken over without a console
// error, and searchable. The Node API gives the command's bytes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { measureContrast, axeInWidget } from './sites.mjs';
import { serve, launch, live, rows, consoleErrors, screenshot, recordMessages, root, target, STRICT_CSP } from './harness.mjs';

const tarball = process.env.FM_TARBALL;
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'fm-adopt-'));
const catalogue = JSON.parse(fs.readFileSync(path.join(root, 'data', 'features.en.json'), 'utf8'));
let server, browser;

const npx = (...args) => spawnSync('npx', ['--no-install', 'feature-matrix', ...args], { cwd: site, encoding: 'utf8' });

before(async () => {
  assert.ok(tarball && fs.existsSync(tarball), `FM_TARBALL names the packed package (${tarball})`);
  execFileSync('npm', ['init', '-y'], { cwd: site, stdio: 'ignore' });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: site, stdio: 'inherit' });
  fs.mkdirSync(path.join(site, 'data'));
  fs.copyFileSync(path.join(root, 'data', 'features.en.json'), path.join(site, 'data', 'features.en.json'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(site, { recursive: true, force: true });
});

test('the installed package is the tarball, not the repository', () => {
  const installed = path.join(site, 'node_modules', 'feature-matrix');
  assert.equal(fs.lstatSync(installed).isSymbolicLink(), false);
  const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'feature-matrix');
  // Every file a bundler or framework asks for is in the exports map.
  for (const file of ['./embed.js', './feature-matrix.js', './feature-matrix_bg.wasm', './feature-matrix.css', './features.en.json', './catalogue.schema.json']) {
    assert.ok(pkg.exports[file], `exports lists ${file}`);
    const target = typeof pkg.exports[file] === 'string' ? pkg.exports[file] : pkg.exports[file].default;
    assert.ok(fs.existsSync(path.join(installed, target)), `${file} → ${target} is in the package`);
  }
});

test('npx feature-matrix validate gives the verdicts and exit codes', () => {
  const ok = npx('validate', 'data/features.en.json');
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout, 'data/features.en.json: ok (42 features, 3 stages, 5 categories)\n');
  const bad = path.join(site, 'data', 'bad.json');
  fs.writeFileSync(bad, JSON.stringify({ ...catalogue, features: [{ ...catalogue.features[0], stage: 'gamma' }] }));
  const invalid = npx('validate', 'data/bad.json');
  assert.equal(invalid.status, 1);
  assert.match(invalid.stdout, /features\[0\]\.stage: unknown stage "gamma"; known: alpha, beta, stable/);
  const missing = npx('validate', 'data/none.json');
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'error: data/none.json: no such file or directory\n');
});

test('the rendered page reads without JavaScript, takes over without an error, and searches', async () => {
  const rendered = npx('render', 'data/features.en.json', '--url-state', '', '--heading-level', '2');
  assert.equal(rendered.status, 0, rendered.stderr);
  const publicDir = path.join(site, 'public');
  fs.cpSync(path.join(site, 'node_modules', 'feature-matrix', 'embed'), path.join(publicDir, 'feature-matrix'), { recursive: true });
  fs.writeFileSync(path.join(publicDir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Features</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/feature-matrix/feature-matrix.css">
<script type="module" src="/feature-matrix/embed.js"></script>
</head><body><main>
<feature-matrix lang="en" url-state>${rendered.stdout}</feature-matrix>
</main></body></html>
`);
  server = await serve({ csp: STRICT_CSP, dir: publicDir });

  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(server.base);
  assert.equal(await rows(still).count(), catalogue.features.length);
  assert.match(await still.locator('.fm-title').innerText(), /Feature status/);
  await off.close();

  const context = await browser.newContext();
  const page = recordMessages(await context.newPage());
  await page.goto(server.base);
  await live(page);
  await page.locator('.fm-search-input').fill('helm');
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length < 42);
  const label = Object.fromEntries(catalogue.categories.map((c) => [c.id, c.label]));
  const expected = catalogue.features.filter((f) => /helm/i.test(`${f.name} ${f.note ?? ''} ${label[f.category]}`));
  assert.ok(expected.length > 0);
  assert.deepEqual(await page.locator('.fm-row .fm-name').allInnerTexts(), expected.map((f) => f.name));
  assert.match(new URL(page.url()).search, /q=helm/);
  await screenshot(page, 'package-adopted');
  assert.deepEqual(consoleErrors(page), []);
  await context.close();
});

test('the Node API renders the bytes the command prints, and rejects bad input clearly', async () => {
  const { render } = await import(pathToFileURL(path.join(site, 'node_modules', 'feature-matrix', 'node', 'index.js')));
  const json = fs.readFileSync(path.join(site, 'data', 'features.en.json'), 'utf8');
  const html = await render(json, { urlState: '', headingLevel: 2 });
  const printed = npx('render', 'data/features.en.json', '--url-state', '', '--heading-level', '2').stdout;
  assert.equal(`${html}\n`, printed);
  await assert.rejects(render('{"version": 1}'), /invalid catalogue: \$: missing field/);
  await assert.rejects(render(json, { theme: 'sepia' }), /option theme takes "light" or "dark"/);
});

test('Node renders the bytes the native renderer does, for the bundled catalogues and the Kubernetes example', () => {
  const native = path.join(target, 'debug', 'feature-matrix');
  for (const file of ['data/features.zh.json', 'data/features.en.json', 'examples/kubernetes.json']) {
    for (const options of [['--url-state', '', '--heading-level', '1'], ['--heading-level', '3', '--theme', 'dark', '--src', '/x.json']]) {
      const args = ['render', path.join(root, file), ...options];
      const fromNode = spawnSync('npx', ['--no-install', 'feature-matrix', ...args], { cwd: site, encoding: 'utf8', maxBuffer: 1 << 26 });
      const fromNative = spawnSync(native, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
      assert.equal(fromNative.status, 0, fromNative.stderr);
      assert.equal(fromNode.status, 0, fromNode.stderr);
      assert.ok(fromNode.stdout === fromNative.stdout, `${file} ${options.join(' ')}: the two renderers differ`);
    }
  }
});

test('a Hugo site mounts the shortcode and the bundle from node_modules and prerenders with npx', async () => {
  const hugo = path.join(site, 'hugo');
  fs.mkdirSync(path.join(hugo, 'content'), { recursive: true });
  fs.mkdirSync(path.join(hugo, 'layouts', '_default'), { recursive: true });
  fs.mkdirSync(path.join(hugo, 'prerendered'));
  // As examples/hugo/README.md tells a site to: the package's folders mounted
  // next to the site's own (a mount replaces the default one of its target).
  fs.writeFileSync(path.join(hugo, 'hugo.toml'), `baseURL = "http://localhost/"
title = "Adopted"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[module]
[[module.mounts]]
source = "layouts"
target = "layouts"
[[module.mounts]]
source = "../node_modules/feature-matrix/hugo/layouts"
target = "layouts"
[[module.mounts]]
source = "static"
target = "static"
[[module.mounts]]
source = "../node_modules/feature-matrix/embed"
target = "static/feature-matrix"
`);
  fs.mkdirSync(path.join(hugo, 'static'));
  fs.writeFileSync(path.join(hugo, 'layouts', '_default', 'single.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n');
  fs.writeFileSync(path.join(hugo, 'content', 'features.md'),
    '---\ntitle: Features\n---\n\n{{< feature-matrix lang="en" url="true" heading-level="2" prerendered="prerendered/features.en.html" >}}\n');
  const fragment = npx('render', 'data/features.en.json', '--url-state', '', '--heading-level', '2');
  assert.equal(fragment.status, 0, fragment.stderr);
  fs.writeFileSync(path.join(hugo, 'prerendered', 'features.en.html'), fragment.stdout);
  execFileSync('hugo', ['--source', hugo, '--destination', path.join(hugo, 'public'), '--quiet'], { stdio: 'inherit' });
  assert.ok(fs.existsSync(path.join(hugo, 'public', 'feature-matrix', 'feature-matrix_bg.wasm')), 'the bundle is served from the mount');
  const hugoServer = await serve({ csp: STRICT_CSP, dir: path.join(hugo, 'public') });
  try {
    const off = await browser.newContext({ javaScriptEnabled: false });
    const still = await off.newPage();
    await still.goto(`${hugoServer.base}features/`);
    assert.equal(await rows(still).count(), catalogue.features.length);
    await off.close();
    const context = await browser.newContext();
    const page = recordMessages(await context.newPage());
    await page.goto(`${hugoServer.base}features/?stage=alpha`);
    await live(page);
    const alpha = catalogue.features.filter((f) => f.stage === 'alpha').length;
    assert.equal(await rows(page).count(), alpha);
    assert.deepEqual(consoleErrors(page), []);
    await context.close();
    // The site has no theme switch of its own: the widget follows the
    // reader's scheme, readable (4.5:1) and axe-clean in both, at both widths.
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [1280, 375]) {
        const themed = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, bypassCSP: true });
        const view = await themed.newPage();
        await view.goto(`${hugoServer.base}features/`);
        await live(view);
        const contrast = await view.evaluate(measureContrast);
        console.log(`# hugo ${colorScheme} ${width}: worst contrast ${contrast.worst[0]?.ratio.toFixed(2)}, ${contrast.below} of ${contrast.count} texts below 4.5`);
        assert.equal(contrast.below, 0, JSON.stringify(contrast.worst));
        assert.deepEqual(await axeInWidget(view), []);
        await themed.close();
      }
    }
  } finally {
    await hugoServer.close();
  }
});
