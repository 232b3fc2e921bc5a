import { defineConfig } from 'vitepress';

export default defineConfig({
  lang: 'en-US',
  title: 'Example docs',
  description: 'A VitePress site with a prerendered feature matrix',
  // The package's embed/ files are copied to public/feature-matrix/ before
  // each build (scripts/copy-embed.mjs); every page may hold a matrix.
  head: [
    ['link', { rel: 'stylesheet', href: '/feature-matrix/feature-matrix.css' }],
    ['script', { type: 'module', src: '/feature-matrix/embed.js' }],
  ],
  vue: {
    // <feature-matrix> is the package's custom element, not a Vue component.
    template: { compilerOptions: { isCustomElement: (tag) => tag === 'feature-matrix' } },
  },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/' },
      { text: 'Features', link: '/features/' },
    ],
    sidebar: [
      {
        text: 'Docs',
        items: [
          { text: 'Introduction', link: '/' },
          { text: 'Guide', link: '/guide/' },
          { text: 'Feature status', link: '/features/' },
        ],
      },
    ],
  },
});
