// The Docusaurus example (examples/docusaurus/) built for real: Docusaurus 3
// with React 19 and the packed package installed as a docs team would, the
// matrix prerendered by a local plugin, and the checks of sites.mjs in Chromium.
import { siteSuite } from './sites.mjs';

const isDark = () => document.documentElement.dataset.theme === 'dark';

siteSuite({
  name: 'docusaurus',
  out: 'build',
  page: 'features/',
  other: 'guide/',
  hydration: /^\/assets\/js\/main\./,
  spa: true,
  nav: (page, to) => page.locator(`.theme-doc-sidebar-menu a[href="/${to}"]`),
  theme: {
    // Docusaurus keeps the reader's choice here and marks the page with data-theme.
    key: 'theme',
    value: (dark) => (dark ? 'dark' : 'light'),
    isDark,
    set: async (page, dark) => {
      // The navbar's switch cycles light, dark and system.
      for (let i = 0; i < 3 && (await page.evaluate(isDark)) !== dark; i++) {
        await page.locator('.navbar button[class*="toggleButton"]').click();
      }
    },
  },
});
