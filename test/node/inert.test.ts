// Workbook text reaches the terminal inert: a department name holding escape sequences, stored
// in the xlsx as _x001B_ escapes, is shown escaped in the readable output of check and report.

import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { run, tmpDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const dir = tmpDir('selfeval-inert-');
const NAME = '井陉县委网信办';

/** The sample with its department name followed by a screen-clearing sequence and a bidi override. */
function hostileWorkbook(): string {
  const parts = unzipSync(fs.readFileSync(path.join(ROOT, 'assets', 'sample.xlsx')));
  const ss = strFromU8(parts['xl/sharedStrings.xml']);
  const hostile = ss.replace(`<t>${NAME}</t>`, `<t>${NAME}_x001B_[2J_x001B_[H\u202E伪装_x0007_</t>`);
  expect(hostile).not.toBe(ss);
  parts['xl/sharedStrings.xml'] = strToU8(hostile);
  const file = path.join(dir, 'hostile.xlsx');
  fs.writeFileSync(file, zipSync(parts));
  return file;
}

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

test('check: the readable summary shows the escapes, never the raw characters', async () => {
  const r = await run('check', hostileWorkbook());
  expect(r.out).toContain(`${NAME}\\u001B[2J\\u001B[H\\u202E伪装\\u0007`);
  expect(r.out).not.toMatch(RAW);
  expect(r.err).not.toMatch(RAW);
});

test('check --json keeps the text itself, escaped by JSON', async () => {
  const r = await run('check', hostileWorkbook(), '--json');
  expect(r.out).not.toMatch(RAW);
  const json = JSON.parse(r.out);
  expect(json.tables.find((t: { kind: string }) => t.kind === 'department').name).toBe(`${NAME}\u001b[2J\u001b[H\u202e伪装\u0007`);
});

test('report: the lines it prints carry no raw control character; the copy keeps the text as stored', async () => {
  const file = hostileWorkbook();
  const out = path.join(dir, 'hostile\u001b[2J.xlsx');
  const r = await run('report', file, '-o', out);
  expect(r.out).toContain('hostile\\u001B[2J.xlsx');
  expect(r.out).not.toMatch(RAW);
  const copy = unzipSync(fs.readFileSync(out));
  expect(strFromU8(copy['xl/sharedStrings.xml'])).toContain(`${NAME}_x001B_[2J_x001B_[H\u202E伪装_x0007_`);
});

test('an error line naming a hostile path is inert too', async () => {
  const r = await run('check', path.join(dir, 'no\u001b]0;title\u0007such.xlsx'));
  expect(r.code).toBe(2);
  expect(r.err).toContain('no\\u001B]0;title\\u0007such.xlsx');
  expect(r.err).not.toMatch(RAW);
});
