import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  // Starlight's sitemap needs the site's address.
  site: 'https://docs.example.com',
  integrations: [
    starlight({
      title: 'Example docs',
      // The package's embed/ files are copied to public/feature-matrix/ before
      // each build (scripts/copy-embed.mjs); every page may hold a matrix.
      head: [
        { tag: 'link', attrs: { rel: 'stylesheet', href: '/feature-matrix/feature-matrix.css' } },
        { tag: 'script', attrs: { type: 'module', src: '/feature-matrix/embed.js' } },
      ],
      sidebar: [
        { label: 'Introduction', link: '/' },
        { label: 'Guide', link: '/guide/' },
        { label: 'Feature status', link: '/features/' },
      ],
    }),
  ],
});
