// URL state: links reopen views, Back/Forward/reload restore them, bad links only warn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, live, rows, rowNames, consoleErrors } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(query) {
  const page = await openPage(browser, server.base + query);
  await live(page);
  // The other language's catalogue is fetched after the takeover.
  if (/[?&]lang=en\b/.test(query)) {
    await page.waitForFunction(() => document.querySelector('.fm-title')?.textContent === 'Feature status');
  }
  return page;
}
const search = (page) => page.evaluate(() => location.search);
/// The URL is written by an effect just after the render: wait for it.
const urlIs = (page, query) => page.waitForFunction((q) => location.search === q, query, { timeout: 5000 })
  .catch(async () => assert.equal(await search(page), query));
const count = (page, n) => page.waitForFunction((n) => document.querySelectorAll('.fm-row').length === n, n);

test('?stage=beta&category=core&q=helm opens with exactly one row', async () => {
  const page = await open('?stage=beta&category=core&q=helm');
  assert.equal(await rows(page).count(), 1);
  assert.deepEqual(await rowNames(page), ['基于 Helm 安装']);
  assert.equal(await page.locator('.fm-search-input').inputValue(), 'helm');
});

test('?lang=en&sort=stage&dir=desc opens in English, sorted by stage descending', async () => {
  const page = await open('?lang=en&sort=stage&dir=desc');
  const badges = await page.locator('.fm-row button.fm-badge').evaluateAll((bs) => bs.map((b) => b.firstChild.textContent.trim()));
  assert.equal(badges[0], 'Stable');
  assert.equal(badges.at(-1), 'Alpha');
  assert.equal(await page.locator('th.fm-col-stage').getAttribute('aria-sort'), 'descending');
  assert.equal((await page.locator('.fm-title').innerText()).trim(), 'Feature status');
});

test('?defs=beta opens the definitions dialog at Beta', async () => {
  const page = await open('?defs=beta');
  const dialog = page.locator('dialog.fm-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.locator('th.fm-current').innerText(), /Beta/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await urlIs(page, '');
});

test('changes write the URL; Back and Forward restore views; reload keeps the view', async () => {
  const page = await open('?utm_source=docs');
  await page.locator('.fm-chip-experimental').click();
  await count(page, 11);
  await urlIs(page, '?utm_source=docs&stage=alpha');
  await page.locator('th.fm-col-name button').click();
  await urlIs(page, '?utm_source=docs&stage=alpha&sort=name');
  await page.locator('.fm-search-input').pressSequentially('kube');
  await count(page, 2);
  await urlIs(page, '?utm_source=docs&q=kube&stage=alpha&sort=name');
  // The first keystroke pushed an entry and the others replaced it: one Back
  // returns to the sorted Alpha view as it was before typing.
  await page.goBack();
  await page.waitForFunction(() => location.search === '?utm_source=docs&stage=alpha&sort=name');
  assert.equal(await page.locator('.fm-search-input').inputValue(), '');
  await count(page, 11);
  await page.goBack();
  await page.waitForFunction(() => location.search === '?utm_source=docs&stage=alpha');
  assert.equal(await page.locator('th.fm-col-name').getAttribute('aria-sort'), null);
  await page.goBack();
  await count(page, 42);
  await urlIs(page, '?utm_source=docs');
  await page.goForward();
  await count(page, 11);
  await page.goForward();
  await page.goForward();
  await count(page, 2);
  assert.equal(await page.locator('.fm-search-input').inputValue(), 'kube');
  await page.reload();
  await count(page, 2);
  assert.equal(await page.locator('.fm-search-input').inputValue(), 'kube');
  assert.equal(await page.locator('.fm-chip-experimental').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('th.fm-col-name').getAttribute('aria-sort'), 'ascending');
});

test('copy link copies the current view', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base.replace(/\/$/, '') });
  const page = await context.newPage();
  await page.goto(server.base + '?lang=en&stage=beta');
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 15);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.fm-copy-status').textContent === 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), server.base + '?stage=beta&lang=en');
});

const MALFORMED = [
  ['unknown stage id', '?stage=gamma,beta', 15],
  ['unknown category', '?category=nope', 42],
  ['sideways direction', '?sort=stage&dir=sideways', 42],
  ['unknown sort key', '?sort=colour', 42],
  ['10 000-character query', `?q=${'x'.repeat(10000)}`, 0],
  ['malformed percent-encoding', '?q=%E4%B8%ZZ&stage=%FF', 42],
  ['repeated parameters', '?stage=alpha&stage=beta', 11],
  ['script in a parameter', '?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&defs=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 0],
  ['bad language', '?lang=../../etc/passwd', 42],
  ['unknown definitions stage', '?defs=gamma', 42],
];

for (const [name, query, expected] of MALFORMED) {
  test(`a malformed URL renders and only warns: ${name}`, async () => {
    const page = await open(query);
    assert.equal(await rows(page).count(), expected);
    assert.equal(await page.locator('.fm-error').count(), 0);
    assert.deepEqual(consoleErrors(page), []);
    // Warnings are logged by an effect and reach us over the DevTools protocol: wait for one.
    const warned = () => page.messages.some((m) => m.type === 'warning' && m.text.startsWith('feature-matrix:'));
    for (let i = 0; i < 50 && !warned(); i++) await page.waitForTimeout(100);
    assert.ok(warned(), 'no console warning');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });
}
