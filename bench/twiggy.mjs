// The 15 largest contributors to the wasm before wasm-opt, by crate and by
// item, from `twiggy top -n 100000 -f csv` output.
//
// usage: twiggy top -n 100000 -f csv WASM | node bench/twiggy.mjs
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const SKIP = ['custom section', '"function names"', 'wbindgen_describe'];
export function twiggyTables(csvText) {
  const lines = csvText.trim().split('\n').slice(1);
  const items = [];
  for (const line of lines) {
    // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent (names may hold commas).
    const m = line.match(/^(.*),(\d+),[\d.]+,\d*,[\d.]*$/);
    if (!m) continue;
    const name = m[1].replace(/^"|"$/g, '').replace(/""/g, '"');
    if (!SKIP.some((s) => name.includes(s))) items.push([name, Number(m[2])]);
  }
  const total = items.reduce((a, [, n]) => a + n, 0);
  const crates = new Map();
  for (const [name, n] of items) {
    const m = name.match(/(?:<|^)([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    const key = m ? m[1] : name.startsWith('data') ? 'data' : /^(import|export)/.test(name) ? 'imports/exports' : 'other';
    crates.set(key, (crates.get(key) || 0) + n);
  }
  const top = (entries) => [...entries].sort((a, b) => b[1] - a[1]).slice(0, 15);
  return `Code and data before wasm-opt: ${(total / 1024).toFixed(1)} KB (custom sections and names left out).

| crate | bytes | share |
| --- | ---: | ---: |
${top(crates).map(([k, n]) => `| ${k} | ${n} | ${(100 * n / total).toFixed(1)} % |`).join('\n')}

| item | bytes |
| --- | ---: |
${top(items).map(([k, n]) => `| \`${k.replace(/::h[0-9a-f]{16}$/, '').replace(/\|/g, '\\|').slice(0, 110)}\` | ${n} |`).join('\n')}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(twiggyTables(fs.readFileSync(0, 'utf8')));
}
