#!/usr/bin/env node
'use strict';
// A tiny static server for dist/ on localhost: the preview page for a developer
// (`npm run preview`) and the browser test. Plain http on 127.0.0.1 only; the add-in itself
// is served over https by `npm run dev-server`.

const fs = require('fs');
const http = require('http');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dir` on 127.0.0.1:`port` (0: any free port); resolves to the listening server. */
function serve(dir, port = 0) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = path.join(root, rel || 'index.html');
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

module.exports = { serve };

if (require.main === module) {
  const dist = path.join(__dirname, '..', 'dist');
  if (!fs.existsSync(path.join(dist, 'preview.html'))) {
    process.stderr.write('尚未构建：请先运行 npm run build\n');
    process.exit(2);
  }
  serve(dist, Number(process.argv[2] || 8080)).then((server) => {
    process.stdout.write(`预览页：http://127.0.0.1:${server.address().port}/preview.html（按 Ctrl+C 结束）\n`);
  });
}
