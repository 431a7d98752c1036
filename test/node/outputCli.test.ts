// `selfeval report` writes safely: a device, a FIFO, a folder or a symlink at -o is refused with
// one Chinese line and exit 2, nothing existing is replaced without --force, the extension must
// match what is written, and a macro-enabled workbook's copy stays .xlsm.

import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { unzipSync, zipSync } from 'fflate';
import { expectOneChineseLine, run, sha256, tmpDir } from './helpers';
import { richParts } from './copy/rich';
import { compareCopy } from './copy/compare';

const ROOT = path.join(__dirname, '..', '..');
const sample = path.join(ROOT, 'assets', 'sample.xlsx');
const dir = tmpDir('selfeval-outcli-');

async function refused(out: string, ...more: string[]): Promise<string> {
  const r = await run('report', sample, '-o', out, ...more);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expectOneChineseLine(r.err);
  return r.err;
}

describe('-o at something that is not a regular file', () => {
  test('/dev/null and /dev/full stay devices', async () => {
    for (const dev of ['/dev/null', '/dev/full']) {
      if (!fs.existsSync(dev)) continue;
      for (const force of [[], ['--force']]) expect(await refused(dev, ...force)).toContain('不是普通文件');
      expect(fs.lstatSync(dev).isCharacterDevice()).toBe(true);
    }
  });

  test('a FIFO', async () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    expect(await refused(fifo, '--force')).toContain('不是普通文件');
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  test('a folder', async () => {
    const folder = path.join(dir, 'folder.xlsx');
    fs.mkdirSync(folder);
    expect(await refused(folder, '--force')).toContain('文件夹');
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  test('a symlink, whose target is left as it was', async () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep');
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(victim, link);
    expect(await refused(link)).toContain('符号链接');
    expect(await refused(link, '--force')).toContain('符号链接');
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
  });

  test('an output whose extension does not match', async () => {
    expect(await refused(path.join(dir, 'out.txt'))).toContain('扩展名');
    expect(fs.existsSync(path.join(dir, 'out.txt'))).toBe(false);
  });
});

describe('nothing existing is replaced without --force', () => {
  test('a second report goes to name (2).xlsx and says so; --force replaces', async () => {
    const out = path.join(dir, 'twice.xlsx');
    const first = await run('report', sample, '-o', out);
    expect(first.code).toBe(1);
    const hash = sha256(out);
    const second = await run('report', sample, '-o', out);
    expect(second.code).toBe(1);
    const next = path.join(dir, 'twice (2).xlsx');
    expect(second.out).toContain(next);
    expect(fs.existsSync(next)).toBe(true);
    expect(sha256(out)).toBe(hash);
    fs.writeFileSync(out, 'user data');
    const forced = await run('report', sample, '-o', out, '--force');
    expect(forced.code).toBe(1);
    expect(forced.out).toContain(`已写出：${out}`);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a macro-enabled workbook', () => {
  const xlsm = path.join(dir, '宏.xlsm');
  beforeAll(() => fs.writeFileSync(xlsm, zipSync(richParts())));

  test('its default copy is <name>.checked.xlsm, macros kept', async () => {
    const r = await run('report', xlsm);
    expect(r.code).toBe(1);
    const out = path.join(dir, '宏.checked.xlsm');
    expect(r.out).toContain(out);
    // The command's file is the exact copy: every part it does not change the same bytes.
    const r2 = compareCopy(unzipSync(fs.readFileSync(xlsm)), unzipSync(fs.readFileSync(out)));
    expect(r2.problems).toEqual([]);
    expect(r2.same).toContain('xl/vbaProject.bin');
    expect(r2.same).toContain('xl/charts/chart1.xml');
  });

  test('-o with .xlsx is refused: a macro workbook under .xlsx does not open in Excel', async () => {
    const r = await run('report', xlsm, '-o', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expectOneChineseLine(r.err);
    expect(r.err).toContain('.xlsm');
  });
});
