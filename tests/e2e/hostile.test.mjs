// Hostile catalogues in the widget: each shows the expected error (or renders
// its text inertly), no script runs, and the host page keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, root, generated, STRICT_CSP } from './harness.mjs';

const expected = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'hostile.expected.json'), 'utf8'));
let server, browser;
before(async () => {
  const template = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'hostile', 'script-in-text.json'), 'utf8'));
  template.features[0].name = 'x'.repeat(1 << 20);
  fs.writeFileSync(path.join(generated, 'megabyte-name.json'), JSON.stringify(template));
  const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
  big[0] = 0x7b;
  fs.writeFileSync(path.join(generated, 'fifty-megabytes.json'), big);
  server = await serve({ csp: STRICT_CSP });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  for (const f of ['megabyte-name.json', 'fifty-megabytes.json']) fs.rmSync(path.join(generated, f), { force: true });
});

async function mount(src) {
  const page = await openPage(browser, `${server.base}fixtures/hostile.html?src=${encodeURIComponent(src)}`);
  await page.waitForFunction(() => document.querySelector('.fm-row, .fm-error'), null, { timeout: 20000 });
  return page;
}

async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a script ran');
  assert.equal(await page.locator('#after').isVisible(), true);
  assert.equal(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count(), 0);
}

const GENERATED = {
  '../generated/megabyte-name.json': 'features[0].name: is 1048576 characters long; the limit is 500',
  '../generated/fifty-megabytes.json': 'catalogue is 52428800 bytes; the limit is 10485760 bytes',
};

for (const [file, want] of [...Object.entries(expected).map(([f, w]) => [`../hostile/${f}`, w]), ...Object.entries(GENERATED)]) {
  test(`hostile catalogue ${path.basename(file)}: ${want === 'ok' ? 'renders as text' : 'shows its error'}`, async () => {
    const page = await mount(file);
    if (want === 'ok') {
      assert.equal(await page.locator('.fm-error').count(), 0);
      assert.equal(await page.locator('.fm-row').count(), 1);
    } else {
      const error = await page.locator('.fm-error').innerText();
      assert.ok(error.includes(want), `expected ${JSON.stringify(want)} in ${error.slice(0, 300)}`);
      assert.ok(error.length < 5000, 'the error panel must not echo huge input');
    }
    await assertInert(page);
  });
}

test('an oversized Content-Length is refused before the body is read', async () => {
  const page = await mount('../stalled/fifty-megabytes.json');
  const error = await page.locator('.fm-error').innerText();
  assert.match(error, /catalogue is 52428800 bytes; the limit is 10485760 bytes/);
  await assertInert(page);
});

test('script-like text in a catalogue is shown literally', async () => {
  const page = await mount('../hostile/script-in-text.json');
  assert.equal((await page.locator('.fm-row .fm-name').innerText()).trim(), '<script>window.__pwned=1</script>');
  assert.match(await page.locator('.fm-row .fm-note').innerText(), /<img src=x onerror="window.__pwned=1">/);
  assert.equal(await page.locator('.fm-root script, .fm-root img, .fm-root svg[onload]').count(), 0);
  await assertInert(page);
});
