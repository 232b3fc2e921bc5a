// Renders the package's English catalogue to HTML at build time, with the
// same options as the element's attributes in src/components/FeatureMatrix.js,
// and hands it to the client as this plugin's global data.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { render } from 'feature-matrix';

const catalogue = createRequire(import.meta.url).resolve('feature-matrix/features.en.json');

export default function featureMatrix() {
  return {
    name: 'feature-matrix',
    getPathsToWatch: () => [catalogue],
    async loadContent() {
      return { html: await render(await readFile(catalogue, 'utf8'), { lang: 'en', urlState: true, headingLevel: 2 }) };
    },
    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },
  };
}
