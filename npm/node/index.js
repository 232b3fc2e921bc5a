// The Node API of the feature-matrix package: prerender a catalogue to the
// HTML that goes inside a <feature-matrix> element, with the same Yew
// components the browser runs (compiled to wasm for Node).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const wasm = require('./feature_matrix_node.cjs');

/**
 * @param {string} catalogueJson the catalogue's JSON text
 * @param {import('./index.js').RenderOptions} [options] the element's attributes
 * @returns {Promise<string>} the markup and the catalogue's data block
 */
export function render(catalogueJson, options = {}) {
  if (typeof catalogueJson !== 'string') {
    return Promise.reject(new TypeError('render(catalogueJson, options): catalogueJson is the catalogue\'s JSON text, a string'));
  }
  return wasm.render(catalogueJson, options);
}

/**
 * Runs the feature-matrix command line (`validate`, `import`, `diff`,
 * `schema`, `render`) with `args`; resolves to its exit code.
 * @param {string[]} args
 * @param {import('./index.js').CliHost} host
 * @returns {Promise<number>}
 */
export function cli(args, host) {
  return wasm.cli(args, host);
}
