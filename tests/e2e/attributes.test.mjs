// Attribute columns on real catalogues: Dapr's components (capability
// flags, provider) and Envoy's extensions (status, security posture), as
// `feature-matrix import` makes them, and the Kubernetes example's Default
// column: prerendered and readable without JavaScript, facets whose counts
// match the catalogue, filters and sorts that the URL carries, cards on a
// phone, and axe in both themes at 1280 and 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, consoleErrors, screenshot, axe, root, STRICT_CSP, recordMessages } from './harness.mjs';

const catalogue = (name) => JSON.parse(fs.readFileSync(path.join(root, 'examples', `${name}.json`), 'utf8'));
const dapr = catalogue('dapr');
const envoy = catalogue('envoy');

let server, browser;
before(async () => { server = await serve({ csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(page, query = '', { width = 1280, colorScheme = 'light', javaScriptEnabled = true, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled, bypassCSP });
  const tab = await context.newPage();
  recordMessages(tab);
  await tab.goto(`${server.base}examples/${page}${query}`);
  if (javaScriptEnabled) {
    await tab.waitForFunction(() => document.querySelector('.fm-root.fm-live') && document.querySelector('.fm-row, .fm-empty'));
  }
  return tab;
}
const shownCount = (tab) => tab.locator('.fm-row').count();
/// The features a filter lets through, counted from the catalogue itself.
const having = (c, id, value) => c.features.filter((f) => f.attributes?.[id] === value);

test('without JavaScript the Dapr page shows every component with its capabilities as words', async () => {
  const tab = await open('dapr.html', '', { javaScriptEnabled: false });
  assert.equal(await shownCount(tab), dapr.features.length);
  const heads = await tab.locator('.fm-matrix thead th').allInnerTexts();
  for (const a of dapr.attributes) assert.ok(heads.some((h) => h.includes(a.label)), `${a.label} in ${heads}`);
  const redis = tab.locator('.fm-row', { has: tab.locator('.fm-name', { hasText: /^Redis$/ }) }).filter({ has: tab.locator('.fm-category', { hasText: 'State stores' }) });
  const cells = await redis.locator('td.fm-attr').allInnerTexts();
  const feature = dapr.features.find((f) => f.id === 'state-stores-generic-setup-redis');
  const ttl = dapr.attributes.findIndex((a) => a.id === 'ttl');
  assert.match(cells[ttl], feature.attributes.ttl ? /✓\s*Yes/ : /✗\s*No/);
  await screenshot(tab, 'dapr-nojs');
  await tab.context().close();
});

test('without JavaScript the Envoy page lists every extension, past the 200 rows a live view starts with', async () => {
  const tab = await open('envoy.html', '', { javaScriptEnabled: false });
  assert.ok(envoy.features.length > 200);
  assert.equal(await shownCount(tab), envoy.features.length);
  const last = envoy.features.at(-1);
  assert.equal(await tab.locator('.fm-name', { hasText: last.name }).count() >= 1, true);
  await tab.context().close();
  // Live, the prerendered rows stay until the view changes.
  const live = await open('envoy.html');
  assert.equal(await shownCount(live), envoy.features.length);
  assert.equal(await live.locator('.fm-show-all').count(), 0);
  await live.context().close();
});

test('a capability chip filters, counts live, and its filter and sort come back from the URL', async () => {
  const tab = await open('dapr.html');
  const group = tab.locator('.fm-chip-group', { hasText: 'TTL' });
  const yes = group.locator('.fm-chip', { hasText: 'Yes' });
  assert.equal(Number(await yes.locator('.fm-chip-count').innerText()), having(dapr, 'ttl', true).length);
  await yes.click();
  await tab.waitForFunction((n) => document.querySelectorAll('.fm-row').length === n, having(dapr, 'ttl', true).length);
  assert.match(tab.url(), /attr\.ttl=true/);
  // Another facet's counts reflect the TTL filter.
  const provider = tab.locator('.fm-chip-group', { hasText: 'Provider' }).locator('.fm-chip', { hasText: 'Generic' });
  const generic = having(dapr, 'ttl', true).filter((f) => f.attributes.provider === 'generic').length;
  assert.equal(Number(await provider.locator('.fm-chip-count').innerText()), generic);
  // Sort by the Component version column, descending: v2 first.
  const header = tab.locator('th', { hasText: 'Component version' }).locator('button');
  await header.click();
  await header.click();
  assert.match(tab.url(), /sort=version&dir=desc/);
  assert.equal(await tab.locator('th', { hasText: 'Component version' }).getAttribute('aria-sort'), 'descending');
  const versions = await tab.locator('.fm-row td.fm-attr-text').evaluateAll((cells) => cells.map((c) => c.textContent));
  const sorted = [...versions].sort().reverse();
  assert.deepEqual(versions.filter((v) => /^v\d/.test(v)), sorted.filter((v) => /^v\d/.test(v)));
  // Reopened from the URL: the same view.
  const again = await open('dapr.html', `?attr.ttl=true&sort=version&dir=desc`);
  assert.equal(await shownCount(again), having(dapr, 'ttl', true).length);
  assert.equal(await again.locator('.fm-chip[aria-pressed="true"]', { hasText: 'Yes' }).count(), 1);
  assert.deepEqual(consoleErrors(tab), []);
  await tab.context().close(); await again.context().close();
});

test('Envoy: status and security-posture facets, further categories, and a bad attribute value warned', async () => {
  const tab = await open('envoy.html', '?attr.security_posture=unknown,nonsense');
  const unknown = having(envoy, 'security_posture', 'unknown').length;
  assert.match(await tab.locator('.fm-status[role=status]').innerText(), new RegExp(`${unknown}`));
  assert.ok(tab.messages.some((m) => m.text.includes('attr.security_posture: unknown value "nonsense" ignored')), 'warned');
  // A category filter finds an extension under its second category too.
  const second = envoy.features.find((f) => f.also_in?.length);
  const also = envoy.categories.find((c) => c.id === second.also_in[0]);
  const inIt = envoy.features.filter((f) => f.category === also.id || f.also_in?.includes(also.id)).length;
  const filtered = await open('envoy.html', `?category=${encodeURIComponent(also.id)}`);
  assert.match(await filtered.locator('.fm-status[role=status]').innerText(), new RegExp(`${inIt}`));
  assert.ok(await filtered.locator('.fm-name', { hasText: second.name }).count() >= 1);
  await tab.context().close(); await filtered.context().close();
});

test('the Kubernetes example has Default and Locked columns and facets in its table view', async () => {
  const k8s = catalogue('kubernetes');
  const tab = await open('kubernetes.html', '?view=table&attr.default=false');
  assert.match(await tab.locator('.fm-status[role=status]').innerText(), new RegExp(`${having(k8s, 'default', false).length}`));
  const heads = await tab.locator('.fm-matrix thead th').allInnerTexts();
  assert.ok(heads.some((h) => h.includes('On by default')), heads.join('|'));
  await tab.context().close();
});

test('on a phone an attribute is a labelled line of the card', async () => {
  const tab = await open('dapr.html', '', { width: 390 });
  const card = tab.locator('.fm-row').first();
  const label = await card.locator('td.fm-attr').first().evaluate((td) => getComputedStyle(td, '::before').content);
  assert.match(label, /Provider/);
  assert.equal(await tab.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), true, 'no sideways scroll');
  await screenshot(tab, 'dapr-phone');
  await tab.context().close();
});

// Each example with attribute columns, in both themes at both widths.
for (const [example, page] of [['dapr', 'dapr.html'], ['envoy', 'envoy.html'], ['kubernetes table', 'kubernetes.html?view=table']]) {
  for (const [theme, width] of [['light', 1280], ['dark', 1280], ['light', 375], ['dark', 375]]) {
    const name = `${example} ${theme} ${width}`;
    test(`axe reports no violations with attribute columns (${name})`, async () => {
      const [file, query] = page.split('?');
      const tab = await open(file, query ? `?${query}` : '', { colorScheme: theme, width, bypassCSP: true });
      await screenshot(tab, `attributes-${name.replaceAll(' ', '-')}`);
      assert.deepEqual(await axe(tab), []);
      await tab.context().close();
    });
  }
}
