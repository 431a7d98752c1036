import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import { execFileSync } from 'child_process';
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

// ---------------------------------------------------------------------------
// Hardening: planted symlinks, races, failed writes, special files

// The modules themselves (the `import * as` namespaces are read-only views of them).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fsModule: typeof fs = require('fs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cryptoModule: typeof crypto = require('crypto');

describe('the temporary file', () => {
  afterEach(() => jest.restoreAllMocks());

  it('has a random name, opened exclusively', () => {
    const opened: string[] = [];
    const real = fs.openSync;
    jest.spyOn(fsModule, 'openSync').mockImplementation(((p: fs.PathLike, flags: number, mode?: number) => {
      opened.push(String(p));
      expect(flags & fs.constants.O_EXCL).toBe(fs.constants.O_EXCL);
      expect(flags & fs.constants.O_CREAT).toBe(fs.constants.O_CREAT);
      return real(p, flags, mode);
    }) as typeof fs.openSync);
    writeOutputFile(path.join(dir, 'r.xlsx'), Buffer.from('a'));
    writeOutputFile(path.join(dir, 'r.xlsx'), Buffer.from('b'));
    expect(opened).toHaveLength(2);
    for (const p of opened) expect(path.basename(p)).toMatch(/^\.r(?: \(2\))?\.xlsx\.[0-9a-f]{16}\.tmp$/);
    expect(path.basename(opened[0]).split('.')[3]).not.toBe(path.basename(opened[1]).split('.')[3]);
  });

  it('a symlink planted at the temporary name is never followed', () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep');
    const fixed = Buffer.from('0011223344556677', 'hex');
    fs.symlinkSync(victim, path.join(dir, `.r.xlsx.${fixed.toString('hex')}.tmp`));
    // The first name drawn is the planted one; the next is random again.
    jest.spyOn(cryptoModule, 'randomBytes').mockImplementationOnce((() => fixed) as unknown as typeof crypto.randomBytes);
    const out = writeOutputFile(path.join(dir, 'r.xlsx'), Buffer.from('new'));
    expect(fs.readFileSync(out, 'utf8')).toBe('new');
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
    expect(fs.lstatSync(path.join(dir, `.r.xlsx.${fixed.toString('hex')}.tmp`)).isSymbolicLink()).toBe(true);
  });

  it('when every temporary name drawn is planted, nothing is written and the targets are untouched', () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep');
    const fixed = Buffer.from('8899aabbccddeeff', 'hex');
    fs.symlinkSync(victim, path.join(dir, `.r.xlsx.${fixed.toString('hex')}.tmp`));
    jest.spyOn(cryptoModule, 'randomBytes').mockImplementation((() => fixed) as unknown as typeof crypto.randomBytes);
    expect(() => writeOutputFile(path.join(dir, 'r.xlsx'), Buffer.from('new'))).toThrow(/无法写出文件/);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
    expect(fs.existsSync(path.join(dir, 'r.xlsx'))).toBe(false);
  });

  it('a failed write leaves no partial file and the old output intact, with force too', () => {
    const out = path.join(dir, 'r.xlsx');
    fs.writeFileSync(out, 'old');
    const real = fs.writeSync;
    jest.spyOn(fsModule, 'writeSync').mockImplementationOnce(((fd: number, data: Uint8Array) => {
      real(fd, data.subarray(0, 2));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }) as unknown as typeof fs.writeSync);
    expect(() => writeOutputFile(out, Buffer.from('new bytes'), { force: true })).toThrow(/磁盘空间不足/);
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['r.xlsx']);
  });

  it('a name taken while writing is not replaced: the next free name is used', () => {
    const out = path.join(dir, 'r.xlsx');
    const real = fs.fsyncSync;
    jest.spyOn(fsModule, 'fsyncSync').mockImplementationOnce((fd: number) => {
      // Another process creates the chosen name between the check and the placing.
      fs.writeFileSync(out, 'theirs');
      real(fd);
    });
    expect(writeOutputFile(out, Buffer.from('ours'))).toBe(path.join(dir, 'r (2).xlsx'));
    expect(fs.readFileSync(out, 'utf8')).toBe('theirs');
    expect(fs.readFileSync(path.join(dir, 'r (2).xlsx'), 'utf8')).toBe('ours');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('special files at the output path are refused, with or without force', () => {
  it('a FIFO', () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    for (const force of [false, true]) expect(() => writeOutputFile(fifo, Buffer.from('x'), { force })).toThrow(/不是普通文件/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a socket', async () => {
    const sock = path.join(dir, 's.xlsx');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      expect(() => writeOutputFile(sock, Buffer.from('x'), { force: true })).toThrow(/不是普通文件/);
      expect(fs.lstatSync(sock).isSocket()).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('devices', () => {
    for (const dev of ['/dev/null', '/dev/full']) {
      if (!fs.existsSync(dev)) continue;
      for (const force of [false, true]) expect(() => writeOutputFile(dev, Buffer.from('x'), { force })).toThrow(/不是普通文件/);
      expect(fs.lstatSync(dev).isCharacterDevice()).toBe(true);
    }
  });

  it('a symlink to a folder, and a dangling symlink', () => {
    const folderLink = path.join(dir, 'dl.xlsx');
    fs.symlinkSync(os.tmpdir(), folderLink);
    const dangling = path.join(dir, 'dangling.xlsx');
    fs.symlinkSync(path.join(dir, 'nowhere.xlsx'), dangling);
    for (const l of [folderLink, dangling]) expect(() => writeOutputFile(l, Buffer.from('x'))).toThrow(/符号链接/);
    expect(fs.existsSync(path.join(dir, 'nowhere.xlsx'))).toBe(false);
  });
});
