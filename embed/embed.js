// feature-matrix entry point (an ES module, no inline script needed), for
// embedding pages and the standalone pages alike. Loads the widget next to
// this file and mounts it into every [data-feature-matrix] element on the
// page, each with its own state. From then on, elements added later are
// mounted and removed ones unmounted (docs sites that navigate on the client
// insert and remove them), and the <feature-matrix> custom element is defined.
import init, { mountAll, mountElement, unmountElement, setAssetBase } from './feature-matrix.js';

const ready = init({ module_or_path: new URL('./feature-matrix_bg.wasm', import.meta.url) })
  // The bundled catalogues (features.<lang>.json) are next to this file.
  .then(() => setAssetBase(new URL('./', import.meta.url).href));

/// <feature-matrix lang="zh" src="…" url-state="b" theme="dark" heading-level="2" view="releases">,
/// in light DOM so that the page's CSS and any prerendered markup apply.
class FeatureMatrixElement extends HTMLElement {
  static observedAttributes = ['lang', 'src', 'url-state', 'theme', 'heading-level', 'view'];

  async connectedCallback() {
    await ready;
    if (this.isConnected) mountElement(this);
  }

  disconnectedCallback() {
    unmountElement(this);
  }

  attributeChangedCallback(_name, before, after) {
    if (before === after || !this.hasAttribute('data-feature-matrix-mounted')) return;
    unmountElement(this);
    mountElement(this);
  }
}

await ready;
mountAll();
const MOUNTS = '[data-feature-matrix], [data-feature-matrix-mounted]';
new MutationObserver((records) => {
  let added = false;
  for (const record of records) {
    // A widget's own rendering is none of our business (and is most of the traffic).
    if (record.target.closest?.('[data-feature-matrix-mounted]')) continue;
    for (const node of record.removedNodes) {
      if (node.nodeType !== Node.ELEMENT_NODE || node.isConnected) continue;
      for (const element of [node, ...node.querySelectorAll('[data-feature-matrix-mounted]')]) {
        if (!(element instanceof FeatureMatrixElement) && element.matches('[data-feature-matrix-mounted]')) unmountElement(element);
      }
    }
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && (node.matches(MOUNTS) || node.querySelector(MOUNTS))) added = true;
    }
  }
  if (!added) return;
  for (const element of document.querySelectorAll('[data-feature-matrix]:not([data-feature-matrix-mounted])')) {
    mountElement(element);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
if (!customElements.get('feature-matrix')) customElements.define('feature-matrix', FeatureMatrixElement);
