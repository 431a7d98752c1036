/* eslint-disable no-console */
// Builds the add-in's web part into dist/: the task pane, the FunctionFile (commands) and the
// development preview. `webpack --mode production` needs no certificates; `webpack serve`
// serves https on port 3000 with the office-addin-dev-certs certificate.
//
// ADDIN_URL (default https://localhost:3000/) is the address the add-in is served from: it
// replaces https://localhost:3000/ in manifest.xml as it is copied into dist/ (and its origin
// replaces the bare https://localhost:3000 of <AppDomain>).

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// OFFICE_JS_LOCAL=1: an intranet build serving office.js from the add-in's own host (copied
// from @microsoft/office-js into dist/office-js/), for networks that cannot reach the CDN.
const OFFICE_JS_LOCAL = /^(1|true|yes)$/i.test(process.env.OFFICE_JS_LOCAL || '');
const SIZE_BUDGET_KB = 165;

function addinUrl() {
  let url = (process.env.ADDIN_URL || DEV_URL).trim();
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_URL must be an https:// address, got: ${url}`);
  if (!url.endsWith('/')) url += '/';
  return url;
}

/**
 * After the build: the gzip size of the JavaScript taskpane.html loads (office.js not counted),
 * against the budget; and a check that ExcelJS never reaches the task pane.
 */
class PaneSizePlugin {
  apply(compiler) {
    let line = '';
    // Printed after webpack's own summary (which webpack-cli prints once the done hooks ran).
    compiler.hooks.done.tap('PaneSizePluginPrint', () => {
      const text = line;
      if (text) setImmediate(() => console.log(text));
    });
    compiler.hooks.afterEmit.tap('PaneSizePlugin', (compilation) => {
      const ep = compilation.entrypoints.get('taskpane');
      if (!ep) return;
      const files = ep.getFiles().filter((f) => f.endsWith('.js'));
      let raw = 0;
      let gz = 0;
      for (const f of files) {
        // As written to disk (after emit webpack keeps only the sizes of its assets).
        const buf = fs.readFileSync(path.join(compilation.outputOptions.path, f));
        raw += buf.length;
        gz += zlib.gzipSync(buf, { level: 9 }).length;
      }
      // Every module of the pane's chunks: none may come from exceljs.
      const leaked = [];
      for (const chunk of ep.chunks) {
        for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          const id = m.resource || m.identifier();
          if (/[\\/]node_modules[\\/]exceljs[\\/]/.test(id)) leaked.push(id);
        }
      }
      if (leaked.length) {
        compilation.errors.push(new Error(`ExcelJS must stay out of the task pane bundle, found: ${leaked.slice(0, 3).join(', ')}`));
      }
      const kb = (n) => (n / 1024).toFixed(1);
      line = `taskpane JS (${files.join(' + ')}): ${kb(raw)} KB, ${kb(gz)} KB gzip (budget ${SIZE_BUDGET_KB} KB gzip)`;
      if (gz > SIZE_BUDGET_KB * 1024) compilation.warnings.push(new Error(`${line}: over budget`));
      if (!leaked.length) line += '; ExcelJS not included';
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const serving = !!env.WEBPACK_SERVE;
  const url = addinUrl();
  const officeJs = OFFICE_JS_LOCAL ? 'office-js/office.js' : OFFICE_JS_CDN;

  const config = {
    mode,
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/preview.tsx',
      // The engine's Web Worker (loaded by the pane on demand, not part of its initial JS).
      'engine-worker': './src/taskpane/engine.worker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules, so webpack can drop the unused parts of Fluent and its icons.
              compilerOptions: { module: 'es2020', noEmit: false, sourceMap: dev },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], officeJs }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], officeJs }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]', noErrorOnMissing: true },
          ...(OFFICE_JS_LOCAL ? [{ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js' }] : []),
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            noErrorOnMissing: true,
            // Addresses first, then the bare origin (AppDomain) with the new address's origin.
            transform: (content) =>
              content.toString().split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(new URL(url).origin),
          },
        ],
      }),
      new PaneSizePlugin(),
    ],
  };

  if (serving) {
    // Only when serving: a production build needs no certificates.
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      static: { directory: path.resolve(__dirname, 'dist') },
    };
  }
  return config;
};
