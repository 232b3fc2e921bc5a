// Builds the docs-framework example sites (VitePress, Docusaurus, Starlight)
// from the packed tarball, as their tests would, for the tests to take:
// `cargo xtask test` runs it in the background at a low priority while the
// end-to-end tests before them run, so that the sites' builds use the
// processor those tests leave idle. Whatever fails here, the tests build
// the site themselves, and report it.
import { prebuildSites } from '../../tests/e2e/sites.mjs';

// In the order the tests come: docusaurus first.
for (const [name, outcome] of prebuildSites([['docusaurus', 'build'], ['starlight', 'dist'], ['vitepress', '.vitepress/dist']])) {
  console.log(outcome instanceof Error
    ? `prebuild: ${name} not built (${outcome.message.split('\n')[0]}); its test will build it`
    : `prebuild: ${name} built in ${outcome.toFixed(1)} s`);
}
