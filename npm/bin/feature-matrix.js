#!/usr/bin/env node
// `npx feature-matrix validate | import | diff | schema | render`: the same
// command as the native binary, compiled to wasm, with Node's fs (stdout
// and stderr writes are synchronous on Linux and macOS pipes and files).
import fs from 'node:fs';
import { cli } from '../node/index.js';

const host = {
  fileSize: (path) => fs.statSync(path).size,
  readFile: (path) => fs.readFileSync(path),
  // A directory's entries, directories ending in "/"; null for a file.
  listDir: (path) => (fs.statSync(path).isDirectory()
    ? fs.readdirSync(path, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    : null),
  readStdin: () => fs.readFileSync(0),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

process.exitCode = await cli(process.argv.slice(2), host);
