// The standalone release bundle in headless Chromium: the seed's content, search,
// filters, summary grid, sorting, the definitions dialog, keyboard use, axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, live, rows, rowNames, screenshot, axe, consoleErrors, root } from './harness.mjs';

const zh = JSON.parse(fs.readFileSync(path.join(root, 'data', 'features.zh.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(query = '', options = {}) {
  const page = await openPage(browser, server.base + query, options);
  await live(page);
  // The other language's catalogue is fetched after the takeover.
  if (/[?&]lang=en\b/.test(query)) {
    await page.waitForFunction(() => document.querySelector('.fm-title')?.textContent === 'Feature status');
  }
  return page;
}

const chip = (page, label) => page.locator('.fm-chip', { has: page.locator('.fm-chip-label', { hasText: new RegExp(`^${label}$`) }) });
// A badge's visible label (its accessible name adds what pressing it does).
const stageOf = (page) => page.locator('.fm-row button.fm-badge').evaluateAll((bs) => bs.map((b) => b.firstChild.textContent.trim()));

test('shows every feature name of the seed page, the intro, the definitions and the footer', async () => {
  const page = await open();
  assert.equal(await rows(page).count(), 42);
  const names = await rowNames(page);
  assert.deepEqual(names.map((n) => n.trim()), zh.features.map((f) => f.name));
  const text = await page.locator('.fm-root').innerText();
  assert.match(text, /此页面列出了每个功能的相对成熟度和支持等级/);
  assert.match(text, /如果您希望在将来的版本中看到某些功能/);
  assert.equal(await page.locator('.fm-defs-inline').evaluate((d) => d.open), true, 'the definitions are open, as on the seed page');
  const defs = await page.locator('.fm-defs-inline').innerText();
  for (const a of zh.aspects) assert.ok(defs.includes(a.label), `aspect ${a.label}`);
  assert.equal(await page.locator('.fm-defs-inline a[href="https://istio.io/zh/about/security-vulnerabilities/"]').count(), 2);
  // Links resolve against base_url; the note is shown.
  assert.equal(await page.locator('a.fm-feature-link[href="https://istio.io/zh/docs/setup/install/helm/"]').count(), 1);
  assert.match(await page.locator('.fm-row', { hasText: 'IPv6' }).innerText(), /不能同时启用 IPv4 和 IPv6/);
  await screenshot(page, 'standalone-zh');
  assert.deepEqual(consoleErrors(page), []);
});

test('?lang=en shows the English catalogue', async () => {
  const page = await open('?lang=en');
  assert.equal(await rows(page).count(), 42);
  assert.equal((await page.locator('.fm-title').innerText()).trim(), 'Feature status');
  assert.ok((await rowNames(page)).includes('Helm based installation'));
  await screenshot(page, 'standalone-en');
});

test('typing helm leaves exactly the Helm feature, highlighted', async () => {
  const page = await open();
  await page.locator('.fm-search-input').fill('helm');
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 1);
  assert.deepEqual(await rowNames(page), ['基于 Helm 安装']);
  assert.deepEqual(await page.locator('.fm-row mark').allInnerTexts(), ['Helm']);
  assert.equal((await page.locator('.fm-status').innerText()).trim(), '显示 1 / 42 个功能');
});

test('the Alpha chip shows 11 rows and the other chips recount', async () => {
  const page = await open();
  await chip(page, 'Alpha').click();
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 11);
  assert.equal(await chip(page, 'Alpha').getAttribute('aria-pressed'), 'true');
  assert.equal((await chip(page, '核心').locator('.fm-chip-count').innerText()).trim(), '5');
  assert.equal((await chip(page, '可观察性').locator('.fm-chip-count').innerText()).trim(), '0');
  await chip(page, 'Beta').click();
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 26);
  await page.getByRole('button', { name: '重置筛选' }).first().click();
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 42);
});

test('a summary-grid cell filters to its category and stage', async () => {
  const page = await open();
  await page.locator('.fm-sum-cell[aria-label="核心：5 个Alpha功能"]').click();
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 5);
  assert.deepEqual([...new Set(await stageOf(page))], ['Alpha']);
  assert.equal(await chip(page, '核心').getAttribute('aria-pressed'), 'true');
});

test('sorting by stage puts Alpha before Beta before Stable and flips on a second click', async () => {
  const page = await open();
  const header = page.locator('th.fm-col-stage');
  await header.locator('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  const asc = await stageOf(page);
  assert.deepEqual(asc, [...Array(11).fill('Alpha'), ...Array(15).fill('Beta'), ...Array(16).fill('Stable')]);
  await header.locator('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await stageOf(page), [...Array(16).fill('Stable'), ...Array(15).fill('Beta'), ...Array(11).fill('Alpha')]);
  await header.locator('button').click();
  assert.equal(await header.getAttribute('aria-sort'), null);
  assert.deepEqual((await rowNames(page)).map((n) => n.trim()), zh.features.map((f) => f.name));
});

test('sorting by name follows the reader\'s collation', async () => {
  const page = await open('?lang=en&sort=name');
  const names = await rowNames(page);
  const sorted = [...names].sort(new Intl.Collator('en').compare);
  assert.deepEqual(names, sorted);
  assert.equal(names[0].trim(), 'Authorization');
});

test('the dialog opens from a badge, traps focus, closes on Esc and returns focus', async () => {
  const page = await open();
  const badge = page.locator('.fm-row', { hasText: '基于 Helm 安装' }).locator('button.fm-badge');
  await badge.click();
  const dialog = page.locator('dialog.fm-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.evaluate((d) => d.open), true);
  assert.equal((await dialog.getAttribute('aria-label'))?.length > 0, true);
  assert.equal(await dialog.locator('th.fm-current').count(), 1);
  assert.match(await dialog.locator('th.fm-current').innerText(), /Beta/);
  assert.equal(await dialog.locator('a[href="https://istio.io/zh/about/security-vulnerabilities/"]').count(), 2);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      const a = document.activeElement;
      return a === document.body || !!a.closest('dialog');
    });
    assert.ok(inside, `focus left the dialog after ${i + 1} Tab presses`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // Focus returns in the dialog's close event, queued just after it hides.
  await page.waitForFunction((b) => b === document.activeElement, await badge.elementHandle(), { timeout: 5000 });
});

test('keyboard alone can search, filter, sort and open the definitions', async () => {
  const page = await open();
  await page.locator('body').press('/');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('fm-search-input')), true);
  await page.keyboard.type('kubernetes');
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length < 42);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 42);
  const tabTo = async (predicate, what) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return;
    }
    assert.fail(`Tab never reached ${what}`);
  };
  await tabTo(() => document.activeElement.matches('.fm-chip-experimental'), 'the Alpha chip');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 11);
  await tabTo(() => document.activeElement.closest('th.fm-col-name') !== null, 'the name header');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('th.fm-col-name').getAttribute('aria-sort') === 'ascending');
  await tabTo(() => document.activeElement.matches('.fm-row button.fm-badge'), 'a stage badge');
  await page.keyboard.press('Enter');
  await page.locator('dialog.fm-dialog').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await page.locator('dialog.fm-dialog').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.activeElement.matches('.fm-row button.fm-badge'), null, { timeout: 5000 });
});

test('a query with no match shows the empty state, and its reset restores the rows', async () => {
  const page = await open();
  await page.locator('.fm-search-input').fill('zzzz-no-such-feature');
  await page.locator('.fm-empty').waitFor();
  assert.equal(await rows(page).count(), 0);
  assert.match(await page.locator('.fm-empty').innerText(), /没有符合条件的功能/);
  await page.locator('.fm-empty button').click();
  await page.waitForFunction(() => document.querySelectorAll('.fm-row').length === 42);
});

for (const [name, options] of [
  ['light-1280', { width: 1280, colorScheme: 'light' }],
  ['dark-1280', { width: 1280, colorScheme: 'dark' }],
  ['light-375', { width: 375, colorScheme: 'light' }],
  ['dark-375', { width: 375, colorScheme: 'dark' }],
]) {
  test(`axe reports no violations (${name})`, async () => {
    const page = await open('', options);
    await screenshot(page, `axe-${name}`);
    assert.deepEqual(await axe(page), []);
  });
}

test('axe reports no violations with the dialog open', async () => {
  const page = await open('?defs=stable');
  await page.locator('dialog.fm-dialog').waitFor({ state: 'visible' });
  await screenshot(page, 'axe-dialog');
  assert.deepEqual(await axe(page), []);
});

test('data-theme="dark" on the page overrides a light system preference', async () => {
  const page = await open('?lang=en', { colorScheme: 'light' });
  await page.evaluate(() => document.querySelector('.fm-root').setAttribute('data-theme', 'dark'));
  const bg = await page.locator('.fm-root').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(bg, 'rgb(13, 17, 23)');
});

test('a clean load logs no warning and no error', async () => {
  for (const query of ['', 'en/']) {
    const page = await openPage(browser, server.base + query);
    await live(page);
    await page.waitForTimeout(300);
    assert.deepEqual(page.messages.filter((m) => ['warning', 'error', 'pageerror'].includes(m.type)), [], query);
    await page.context().close();
  }
});

test('an unknown ?lang= is ignored with a warning, and the page stays in its language', async () => {
  const page = await open('?lang=xx');
  assert.equal((await page.locator('.fm-title').innerText()).trim(), '功能状态');
  const warnings = page.messages.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.ok(warnings.some((w) => /lang.*"xx"/.test(w)), JSON.stringify(warnings));
  assert.equal(await rows(page).count(), 42);
});

test('sort buttons are named by their column alone, and badges say what they open', async () => {
  const page = await open();
  for (const name of ['功能', '状态', '类别']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, `sort button ${name}`);
  }
  assert.equal(await page.getByRole('button', { name: /^Beta\s*：查看此状态的含义$/ }).count(), 15);
  const en = await open('?lang=en');
  await en.waitForFunction(() => document.querySelector('.fm-title')?.textContent === 'Feature status');
  assert.equal(await en.getByRole('button', { name: /^Stable\s*: what this stage means$/ }).count(), 16);
  assert.equal(await en.getByRole('button', { name: 'Feature', exact: true }).count(), 1);
});

for (const width of [320, 375]) {
  test(`the definitions are readable at ${width} px, the stage asked for first`, async () => {
    const page = await open('?defs=stable', { width, height: 800 });
    const dialog = page.locator('dialog.fm-dialog');
    await dialog.waitFor({ state: 'visible' });
    const cells = await dialog.locator('td').evaluateAll((tds) => tds.map((td) => {
      const r = td.getBoundingClientRect();
      return { left: r.left, right: r.right, current: td.classList.contains('fm-current'), label: td.dataset.label, top: r.top };
    }));
    assert.ok(cells.length > 0);
    for (const c of cells) assert.ok(c.left >= 0 && c.right <= width, `a ${c.label} cell is off screen: ${c.left}–${c.right}`);
    // In every aspect, the Stable promise comes first.
    const rows = await dialog.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0].dataset.label));
    assert.deepEqual([...new Set(rows)], ['Stable']);
    await screenshot(page, `defs-${width}`);
  });
}

test('the language buttons switch the catalogue; pressing the current one changes nothing', async () => {
  const page = await open();
  await page.locator('.fm-lang[lang=zh]').click();
  await page.waitForTimeout(200);
  assert.equal(await rows(page).count(), 42);
  assert.equal((await page.locator('.fm-title').innerText()).trim(), '功能状态');
  await page.locator('.fm-lang[lang=en]').click();
  await page.waitForFunction(() => document.querySelector('.fm-title')?.textContent === 'Feature status');
  assert.equal(await rows(page).count(), 42);
  assert.equal(await page.locator('.fm-lang[lang=en]').getAttribute('aria-pressed'), 'true');
  assert.match(await page.evaluate(() => location.search), /lang=en/);
  assert.deepEqual(consoleErrors(page), []);
});
