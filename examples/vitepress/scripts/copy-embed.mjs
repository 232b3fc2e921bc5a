// Copies the package's embed/ files (the element, its wasm, the stylesheet)
// into public/feature-matrix/, which VitePress serves at /feature-matrix/.
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const embed = path.dirname(require.resolve('feature-matrix/embed.js'));
const target = new URL('../public/feature-matrix/', import.meta.url);
rmSync(target, { recursive: true, force: true });
cpSync(embed, target, { recursive: true });
