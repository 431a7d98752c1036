// The real command: bin/selfeval.js on the compiled build (npm run build:cli), in a child process.

import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { gridToXlsx } from '../../src/node/xlsx';
import { sampleGrid } from '../../src/core/sample';
import { tmpDir } from './helpers';

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'selfeval.js');
const dir = tmpDir();
let sample: string;

beforeAll(async () => {
  // npm run build:cli. tsc emits even when some file has a type error (the type check is the
  // typecheck script's job); what this test needs is the compiled command.
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'pipe' });
  expect(fs.existsSync(path.join(root, 'build', 'node', 'bin.js'))).toBe(true);
  sample = path.join(dir, 'sample.xlsx');
  await gridToXlsx(sampleGrid(), sample);
}, 300000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function selfeval(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('the bin is executable', () => {
  expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
  expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
});

test('check --json on the sample: exit 1, one JSON document, nothing on stderr', () => {
  const r = selfeval('check', sample, '--json');
  expect(r.code).toBe(1);
  expect(r.err).toBe('');
  const doc = JSON.parse(r.out);
  expect(doc.file).toBe('sample.xlsx');
  expect(doc.tables.length).toBe(3);
});

test('report writes the checked copy beside the input', () => {
  const r = selfeval('report', sample);
  expect(r.code).toBe(1);
  expect(fs.existsSync(path.join(dir, 'sample.checked.xlsx'))).toBe(true);
});

test('a missing file: exit 2, one Chinese line, no stack trace', () => {
  const r = selfeval('check', path.join(dir, '不存在.xlsx'));
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  const lines = r.err.split('\n').filter((l) => l.trim());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('找不到文件');
  expect(r.err).not.toMatch(/^\s+at /m);
});

test('a corrupt file: exit 2, no stack trace', () => {
  const f = path.join(dir, 'broken.xlsx');
  const b = fs.readFileSync(sample);
  fs.writeFileSync(f, b.subarray(0, 200));
  const r = selfeval('check', f);
  expect(r.code).toBe(2);
  expect(r.err.split('\n').filter((l) => l.trim())).toHaveLength(1);
  expect(r.err).not.toMatch(/^\s+at /m);
});
