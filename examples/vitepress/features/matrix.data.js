// Build-time data loader: renders the package's English catalogue to HTML
// with the same options as the element's attributes in FeatureMatrix.vue,
// so the widget takes the markup over in place.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { render } from 'feature-matrix';

const catalogue = createRequire(import.meta.url).resolve('feature-matrix/features.en.json');

export default {
  watch: [catalogue],
  async load() {
    return { html: await render(await readFile(catalogue, 'utf8'), { lang: 'en', urlState: true, headingLevel: 2 }) };
  },
};
