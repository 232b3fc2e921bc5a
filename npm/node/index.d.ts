/** The options of `render`: the `<feature-matrix>` element's attributes. */
export interface RenderOptions {
  /** `lang`: locale of the UI (default: the catalogue's locale). */
  lang?: string;
  /** `heading-level`: level of the title heading, 1 to 4 (default 2). */
  headingLevel?: 1 | 2 | 3 | 4;
  /** `url-state`: keep the view in the page URL; a string is the parameter prefix, `true` none. */
  urlState?: string | boolean;
  /** `src`: the catalogue's URL, when the element has one (hides the language switch). */
  src?: string;
  /** `theme`: pin the light or dark theme. */
  theme?: 'light' | 'dark';
  /** `view`: open in the table (default) or the release matrix (catalogues with releases). */
  view?: 'table' | 'releases';
}

/**
 * Prerenders a catalogue for one `<feature-matrix>` element: the widget's
 * default view as HTML, then the catalogue as a JSON data block. Put the
 * result inside the element; the widget takes it over in place. Give the same
 * options as the element's attributes, so the markup matches. Rejects with
 * every problem of an invalid catalogue.
 */
export function render(catalogueJson: string, options?: RenderOptions): Promise<string>;

/** What `cli` reads and writes. */
export interface CliHost {
  fileSize(path: string): number;
  readFile(path: string): Uint8Array;
  readStdin(): Uint8Array;
  out(text: string): void;
  err(text: string): void;
}

/** Runs the `feature-matrix` command line; resolves to its exit code. */
export function cli(args: string[], host: CliHost): Promise<number>;
