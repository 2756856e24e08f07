#!/usr/bin/env node
// Package bin: runs the compiled command line (npm install builds it through the `prepare` script).
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', '..', 'dist', 'main', 'cli', 'index.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write('service-atlas: not built yet; run `npm run build` in the project folder first.\n');
  process.exit(1);
}
require(compiled)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
