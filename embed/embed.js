// feature-matrix embed entry point (an ES module, no inline script needed).
// Loads the widget next to this file and mounts it into every
// [data-feature-matrix] element on the page, each with its own state.
import init from './feature-matrix.js';

await init({ module_or_path: new URL('./feature-matrix_bg.wasm', import.meta.url) });
