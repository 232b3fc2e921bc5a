// The <feature-matrix> element that `feature-matrix/embed.js` defines.

/** Its attributes, as written in HTML (every value a string). */
export interface FeatureMatrixAttributes {
  /** `zh` or `en`: the bundled catalogue and the UI language. */
  lang?: string;
  /** A catalogue URL to fetch instead of the bundled catalogue. */
  src?: string;
  /** Keep the view in the page URL; a value is a parameter prefix. */
  'url-state'?: string | boolean;
  /** `light` or `dark`, overriding the reader's and the site's theme. */
  theme?: 'light' | 'dark';
  /** `releases`: open in the release matrix (catalogues with releases). */
  view?: 'table' | 'releases';
  /** Level of the title heading, `1` to `4` (default `2`). */
  'heading-level'?: '1' | '2' | '3' | '4' | 1 | 2 | 3 | 4;
}

declare global {
  interface HTMLElementTagNameMap {
    'feature-matrix': HTMLElement;
  }
  namespace JSX {
    interface IntrinsicElements {
      'feature-matrix': FeatureMatrixAttributes & { children?: unknown; class?: string; className?: string; id?: string };
    }
  }
}

export {};
