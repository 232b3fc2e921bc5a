// A docs-only Docusaurus site: the docs are the site's pages, at /.
export default {
  title: 'Example docs',
  tagline: 'A Docusaurus site with a prerendered feature matrix',
  url: 'http://localhost',
  baseUrl: '/',
  trailingSlash: true,
  onBrokenLinks: 'throw',
  // The package's embed/ files are copied to static/feature-matrix/ before
  // each build (scripts/copy-embed.mjs); every page may hold a matrix.
  stylesheets: [{ href: '/feature-matrix/feature-matrix.css' }],
  scripts: [{ src: '/feature-matrix/embed.js', type: 'module' }],
  plugins: ['./plugins/feature-matrix.js'],
  presets: [
    [
      'classic',
      {
        docs: { routeBasePath: '/', sidebarPath: './sidebars.js' },
        blog: false,
        pages: false,
      },
    ],
  ],
  themeConfig: {
    navbar: {
      title: 'Example docs',
      items: [
        { to: '/guide/', label: 'Guide', position: 'left' },
        { to: '/features/', label: 'Features', position: 'left' },
      ],
    },
  },
};
