#!/usr/bin/env node
'use strict';
// The `selfeval` command. The TypeScript sources are compiled into build/ by `npm run build:cli`
// (run by `npm install` through the prepare script).
const path = require('path');
const fs = require('fs');

const entry = path.join(__dirname, '..', 'build', 'node', 'bin.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('selfeval 尚未编译：请先在项目目录中运行 npm run build:cli\n');
  process.exitCode = 2;
} else {
  require(entry);
}
