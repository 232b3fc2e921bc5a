// The VitePress example (examples/vitepress/) built for real: VitePress 1.6
// with the packed package installed as a docs team would, the matrix
// prerendered by a data loader, and the checks of sites.mjs in Chromium.
import { siteSuite } from './sites.mjs';

siteSuite({
  name: 'vitepress',
  out: '.vitepress/dist',
  page: 'features/',
  other: 'guide/',
  hydration: /^\/assets\/features_index\.md\./,
  spa: true,
  nav: (page, to) => page.locator(`.VPSidebar a[href="/${to}"]`),
  theme: {
    // VitePress keeps the reader's choice here and marks the page with html.dark.
    key: 'vitepress-theme-appearance',
    value: (dark) => (dark ? 'dark' : 'light'),
    isDark: () => document.documentElement.classList.contains('dark'),
    set: async (page, dark) => {
      const isDark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
      if (isDark !== dark) await page.locator('.VPNavBarAppearance .VPSwitchAppearance').click();
    },
  },
});
