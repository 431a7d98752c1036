import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertExtension, resolveOutputPath, writeOutputFile } from '../../src/node/output';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-out-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeOutputFile', () => {
  it('writes a new file and leaves no temporary file', () => {
    const out = path.join(dir, 'r.xlsx');
    expect(writeOutputFile(out, Buffer.from('one'))).toBe(out);
    expect(fs.readFileSync(out, 'utf8')).toBe('one');
    expect(fs.readdirSync(dir)).toEqual(['r.xlsx']);
  });

  it('never replaces an existing file without force: the next free name is used', () => {
    const out = path.join(dir, 'r.xlsx');
    writeOutputFile(out, Buffer.from('one'));
    const second = writeOutputFile(out, Buffer.from('two'));
    expect(second).toBe(path.join(dir, 'r (2).xlsx'));
    expect(writeOutputFile(out, Buffer.from('three'))).toBe(path.join(dir, 'r (3).xlsx'));
    expect(fs.readFileSync(out, 'utf8')).toBe('one');
    expect(fs.readFileSync(second, 'utf8')).toBe('two');
  });

  it('replaces a regular file with force', () => {
    const out = path.join(dir, 'r.xlsx');
    writeOutputFile(out, Buffer.from('one'));
    expect(writeOutputFile(out, Buffer.from('two'), { force: true })).toBe(out);
    expect(fs.readFileSync(out, 'utf8')).toBe('two');
  });

  it('refuses a symlink, a folder and a device, even with force', () => {
    const target = path.join(dir, 'victim.txt');
    fs.writeFileSync(target, 'keep');
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(target, link);
    expect(() => writeOutputFile(link, Buffer.from('x'), { force: true })).toThrow(/符号链接/);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep');
    const folder = path.join(dir, 'f.xlsx');
    fs.mkdirSync(folder);
    expect(() => writeOutputFile(folder, Buffer.from('x'), { force: true })).toThrow(/文件夹/);
    expect(() => resolveOutputPath('/dev/null', { force: true })).toThrow(/不是普通文件/);
  });

  it('makes a missing output folder', () => {
    const out = path.join(dir, 'a', 'b', 'r.docx');
    expect(writeOutputFile(out, Buffer.from('x'))).toBe(out);
  });
});

describe('assertExtension', () => {
  it('accepts the matching extension in any case and refuses another', () => {
    expect(() => assertExtension('x.XLSX', '.xlsx')).not.toThrow();
    expect(() => assertExtension('x.docx', '.xlsx', '.xlsm')).toThrow(/扩展名“.docx”/);
    expect(() => assertExtension('x', '.docx')).toThrow(/（无）/);
  });
});
