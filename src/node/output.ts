// Writing an output file safely: never over an existing file unless asked, never through a
// symlink or onto a device, and never a half-written file under the wanted name.

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { SelfevalError } from '../core/engine';

export interface OutputOptions {
  /** Replace an existing regular file of that name (--force). */
  force?: boolean;
}

/** `dir/name (2).ext`, `(3)`, … : the n-th free variant of a path. */
function variant(file: string, n: number): string {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  return `${base} (${n})${ext}`;
}

/** What is at a path, without following a symlink there. */
function kindAt(file: string): 'none' | 'file' | 'symlink' | 'directory' | 'special' {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return 'none';
  }
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isDirectory()) return 'directory';
  if (st.isFile()) return 'file';
  return 'special';
}

/** Refuses a path that is a symlink, a folder, a device, a FIFO or a socket. */
function assertWritableTarget(file: string): void {
  switch (kindAt(file)) {
    case 'symlink':
      throw new SelfevalError(`输出路径是一个符号链接，为安全起见不写入：${file}`);
    case 'directory':
      throw new SelfevalError(`输出路径是一个文件夹：${file}`);
    case 'special':
      throw new SelfevalError(`输出路径不是普通文件（设备、管道或套接字），不写入：${file}`);

    default:
  }
}

/**
 * The path to write: the wanted one when it is free (or --force and it is a regular file),
 * else the next free `name (2).ext`. A symlink, folder or device at the wanted path is refused.
 */
export function resolveOutputPath(file: string, opts: OutputOptions = {}): string {
  const kind = kindAt(file);
  if (kind === 'none') return file;
  if (kind === 'file' && opts.force) return file;
  if (kind !== 'file') assertWritableTarget(file);
  for (let n = 2; n < 10000; n++) {
    const candidate = variant(file, n);
    if (kindAt(candidate) === 'none') return candidate;
  }
  throw new SelfevalError(`找不到可用的输出文件名：${file}`);
}

const EXTENSION_LABEL: Record<string, string> = {
  '.xlsx': 'Excel 工作簿（.xlsx）',
  '.xlsm': '启用宏的 Excel 工作簿（.xlsm）',
  '.docx': 'Word 文档（.docx）',
};

/** Refuses an output whose extension does not match what is written. */
export function assertExtension(file: string, ...allowed: string[]): void {
  const ext = path.extname(file).toLowerCase();
  if (allowed.includes(ext)) return;
  const what = allowed.map((e) => EXTENSION_LABEL[e] ?? e).join('或');
  throw new SelfevalError(`输出文件的扩展名“${ext || '（无）'}”与写出的内容不符：应为${what}（${file}）`);
}

/** Opens a fresh temporary file beside the target, exclusively, under a random name. */
function openTemp(dir: string, base: string): { tmp: string; fd: number } {
  for (let i = 0; i < 8; i++) {
    const tmp = path.join(dir, `.${base}.${crypto.randomBytes(8).toString('hex')}.tmp`);
    try {
      // 'wx' = O_CREAT | O_EXCL: fails on anything already there, a planted symlink included
      // (O_EXCL never follows a symlink); O_NOFOLLOW as well where the platform has it.
      const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);
      return { tmp, fd: fs.openSync(tmp, flags, 0o644) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error('no free temporary name');
}

function makeFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    throw new SelfevalError(`无法创建输出文件夹：${dir}`);
  }
}

/**
 * Puts the written temporary file at the target. Without --force it never replaces anything:
 * a hard link fails when a name is taken (even one taken since resolveOutputPath looked), and
 * the next free name is tried. Where hard links are not supported, a rename after a last check.
 */
function place(tmp: string, target: string, file: string, opts: OutputOptions): string {
  if (opts.force) {
    assertWritableTarget(target);
    fs.renameSync(tmp, target);
    return target;
  }
  let candidate = target;
  for (let i = 0; i < 100; i++) {
    try {
      fs.linkSync(tmp, candidate);
      fs.rmSync(tmp, { force: true });
      return candidate;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        candidate = resolveOutputPath(file, opts);
        continue;
      }
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
      // No hard links on this file system.
      if (kindAt(candidate) !== 'none') candidate = resolveOutputPath(file, opts);
      fs.renameSync(tmp, candidate);
      return candidate;
    }
  }
  throw new SelfevalError(`找不到可用的输出文件名：${file}`);
}

/**
 * Writes bytes to the output path chosen by resolveOutputPath, through an exclusive temporary
 * file beside it, put in place without replacing anything unless --force; returns the path
 * written. On failure nothing is left behind and an existing file of that name is intact.
 */
export function writeOutputFile(file: string, data: Uint8Array, opts: OutputOptions = {}): string {
  const target = resolveOutputPath(file, opts);
  const dir = path.dirname(path.resolve(target));
  makeFolder(dir);
  let tmp: string | undefined;
  try {
    const t = openTemp(dir, path.basename(target));
    tmp = t.tmp;
    try {
      let at = 0;
      while (at < data.length) at += fs.writeSync(t.fd, data, at, data.length - at);
      fs.fsyncSync(t.fd);
    } finally {
      fs.closeSync(t.fd);
    }
    const written = place(tmp, target, file, opts);
    tmp = undefined;
    return written;
  } catch (e) {
    if (tmp) fs.rmSync(tmp, { force: true });
    if (e instanceof SelfevalError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new SelfevalError(`磁盘空间不足，无法写出文件（已存在的同名文件未改动）：${target}`);
    throw new SelfevalError(`无法写出文件（文件是否正在 Excel 或 Word 中打开，或没有写入权限？）：${target}`);
  }
}
