#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('workbench: the app is not built yet; run `npm run build` in the project folder first.\n');
  process.exit(2);
}
require(cli)
  .runCli(process.argv)
  .then((code) => process.exit(code));
