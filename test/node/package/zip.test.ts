// The zip reader and the limits, in process: the package entries a copy writer takes, stored
// and deflated parts, the directory's own checks, and the messages.

import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { gridToWorkbook } from '../../../src/node/xlsx';
import { sampleGrid } from '../../../src/core/sample';
import { SelfevalError } from '../../../src/core/engine';
import { ZipPackage } from '../../../src/node/package/zip';
import { loadPackage, packageEntries } from '../../../src/node/package/load';
import { LIMITS, LimitError, overLimit } from '../../../src/node/package/limits';
import { deflated, writeZip, type RawEntry } from '../../hardening/hostileZip';
import { handPackage } from './equiv';
import { tmpDir } from '../helpers';

const dir = tmpDir('selfeval-zip-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function failure(f: () => unknown): Promise<SelfevalError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(SelfevalError);
    expect((e as Error).message).not.toMatch(/\n/);
    return e as SelfevalError;
  }
  throw new Error('did not fail');
}

test('the package entries (for the copy writer) are byte for byte what the zip holds', async () => {
  const buf = Buffer.from(await gridToWorkbook(sampleGrid()).xlsx.writeBuffer());
  const file = path.join(dir, 'sample.xlsx');
  fs.writeFileSync(file, buf);
  const entries = await packageEntries(await loadPackage(file));
  const zip = await JSZip.loadAsync(buf);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  expect([...entries.keys()].sort()).toEqual(names.sort());
  for (const n of names) expect(Buffer.from(entries.get(n)!).equals(Buffer.from(await zip.files[n].async('uint8array')))).toBe(true);
});

test('stored (uncompressed) parts read like deflated ones', async () => {
  const hand = await JSZip.loadAsync(await handPackage('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>存储</t></is></c></row></sheetData>'));
  const entries: RawEntry[] = [];
  for (const n of Object.keys(hand.files)) {
    if (hand.files[n].dir) continue;
    const data = Buffer.from(await hand.files[n].async('uint8array'));
    entries.push({ name: n, data, method: 0, size: data.length });
  }
  const file = path.join(dir, 'stored.xlsx');
  fs.writeFileSync(file, writeZip(entries));
  expect((await loadPackage(file)).grid.sheets[0].rows[0][0]).toEqual({ value: '存储' });
});

test('the directory: duplicate names (also by case), unknown methods, encrypted entries, bad offsets', async () => {
  const a = deflated('xl/a.xml', '<a/>');
  expect((await failure(() => new ZipPackage(writeZip([a, a]), 'f.xlsx'))).message).toMatch(/两个同名的部件“xl\/a\.xml”/);
  expect((await failure(() => new ZipPackage(writeZip([a, { ...a, name: 'XL/A.xml' }]), 'f.xlsx'))).message).toMatch(/两个同名的部件/);
  const odd = new ZipPackage(writeZip([{ ...a, method: 12 as 8 }]), 'f.xlsx');
  expect((await failure(() => odd.read('xl/a.xml'))).message).toMatch(/不支持的压缩方式（12）/);
  const buf = writeZip([a]);
  buf.writeUInt16LE(1 | 0x800, buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
  expect((await failure(() => new ZipPackage(buf, 'f.xlsx').read('xl/a.xml'))).message).toMatch(/被压缩包加密/);
  const moved = writeZip([a]);
  moved.writeUInt32LE(9999, moved.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 42);
  expect((await failure(() => new ZipPackage(moved, 'f.xlsx').read('xl/a.xml'))).message).toMatch(/^文件已损坏，无法作为 \.xlsx 读取：部件“xl\/a\.xml”的位置信息不正确/);
  const broken = writeZip([{ ...a, data: Buffer.from([0xff, 0xff, 0xff]) }]);
  expect((await failure(() => new ZipPackage(broken, 'f.xlsx').read('xl/a.xml'))).message).toMatch(/部件“xl\/a\.xml”无法解压/);
});

test('too many entries is refused from the directory', async () => {
  const many = Array.from({ length: LIMITS.zipEntries.value + 1 }, (_, i) => ({ name: `p${i}`, data: Buffer.alloc(0), method: 0 as const, size: 0 }));
  const e = await failure(() => new ZipPackage(writeZip(many), 'f.xlsx'));
  expect(e).toBeInstanceOf(LimitError);
  expect(e.message).toMatch(/^文件过大：压缩包中的部件数为 10,001，超过“压缩包中的部件数”上限 10,000（超出 1，约为上限的 1\.0 倍）/);
});

test('a file larger than the file-size limit is refused before it is read', async () => {
  const file = path.join(dir, 'huge.xlsx');
  const fd = fs.openSync(file, 'w');
  fs.ftruncateSync(fd, LIMITS.fileBytes.value + 1);
  fs.closeSync(fd);
  const e = await failure(() => loadPackage(file));
  expect(e.message).toMatch(/^文件过大：文件大小为 512\.0 MB，超过“文件大小”上限 512 MB/);
  expect(e.message).not.toMatch(/文件被占用/);
});

test('limit messages say which limit and how far over', () => {
  expect(overLimit('partInflated', 'f.xlsx', '部件“x”解压后', 1.5 * 1024 ** 3).message).toBe(
    '文件过大：部件“x”解压后为 1536 MB，超过“单个部件解压后的大小”上限 256 MB（超出 1280 MB，约为上限的 6.0 倍），selfeval 不读取此文件（f.xlsx）',
  );
  expect(overLimit('partInflated', 'f.xlsx', '部件“x”解压后').message).toBe('文件过大：部件“x”解压后已超过“单个部件解压后的大小”上限 256 MB（读到上限即停止），selfeval 不读取此文件（f.xlsx）');
});

test('a t="d" cell (ISO date) is its serial; ExcelJS reads it as parseFloat, so this one case is not compared', async () => {
  const file = path.join(dir, 'tdate.xlsx');
  fs.writeFileSync(file, await handPackage('<sheetData><row r="1"><c r="A1" t="d"><v>2025-12-31T00:00:00</v></c><c r="B1" t="d"><v>2025-12-31T12:00:00Z</v></c><c r="C1" t="d"><v>不是日期</v></c></row></sheetData>'));
  const row = (await loadPackage(file)).grid.sheets[0].rows[0];
  expect(row[0]).toEqual({ value: 46022 });
  expect(row[1]).toEqual({ value: 46022.5 });
  expect(row[2]).toEqual({ value: null, error: '#VALUE!' });
});
