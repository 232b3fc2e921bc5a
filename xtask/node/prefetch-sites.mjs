// Installs the docs-framework examples' frameworks (VitePress, Docusaurus,
// Starlight) from their lockfiles into the project's cache, as their tests
// would: `cargo xtask test` runs it in the background at its start, so that
// on a fresh machine the downloads overlap the Rust builds instead of
// following them. Whatever fails here, the tests install it themselves.
import { installFramework } from '../../tests/e2e/sites.mjs';

for (const name of ['vitepress', 'docusaurus', 'starlight']) {
  try {
    const { cached, ci } = installFramework(name);
    console.log(`prefetch: ${name} ${cached ? 'cached' : `installed in ${ci.toFixed(1)} s`}`);
  } catch (e) {
    console.log(`prefetch: ${name} not installed (${e.message.split('\n')[0]}); its test will install it`);
  }
}
