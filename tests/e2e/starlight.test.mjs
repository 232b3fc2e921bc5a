// The Starlight example (examples/starlight/) built for real: Starlight on
// Astro 5 with the packed package installed as a docs team would, the matrix
// prerendered by an .astro component, and the checks of sites.mjs in Chromium.
// Starlight loads every page in full (no client router), so check c follows
// the sidebar across two page loads.
import { siteSuite } from './sites.mjs';

siteSuite({
  name: 'starlight',
  out: 'dist',
  page: 'features/',
  other: 'guide/',
  // Nothing hydrates the element: Astro sends it as plain HTML, with no island.
  hydration: null,
  spa: false,
  nav: (page, to) => page.locator(`nav.sidebar a[href="/${to}"]`),
  theme: {
    // Starlight keeps the reader's choice here and marks the page with data-theme.
    key: 'starlight-theme',
    value: (dark) => (dark ? 'dark' : 'light'),
    isDark: () => document.documentElement.dataset.theme === 'dark',
    set: (page, dark) => page.locator('starlight-theme-select select').locator('visible=true').first().selectOption(dark ? 'dark' : 'light'),
  },
});
