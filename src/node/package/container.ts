// The file around the package: does it exist, is it a regular file, is it small enough to read,
// and is it a zip at all (an encrypted workbook and an old .xls are OLE compound files).
// The ExcelJS reference path (src/node/xlsx.ts) uses these same checks; this file loads no ExcelJS.

import * as fs from 'fs';
import * as path from 'path';
import { SelfevalError } from '../../core/engine';
import { checkLimit } from './limits';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function startsWith(buf: Buffer, magic: number[]): boolean {
  if (buf.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[i] !== magic[i]) return false;
  return true;
}

/** The file's bytes, once it is known to be a zip no larger than the file-size limit. */
export function readPackageBytes(file: string): Buffer {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new SelfevalError(`找不到文件：${file}`);
  }
  if (stat.isDirectory()) throw new SelfevalError(`这是一个文件夹，不是 .xlsx 工作簿：${file}`);
  if (!stat.isFile()) throw new SelfevalError(`这不是普通文件，无法作为 .xlsx 读取：${file}`);
  if (stat.size === 0) throw new SelfevalError(`文件是空的（0 字节），不是 .xlsx 工作簿：${file}`);
  checkLimit('fileBytes', name, '文件大小', stat.size);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw new SelfevalError(`无法读取文件（没有读取权限或文件被占用）：${file}`);
  }
  if (startsWith(buf, ZIP_MAGIC)) return buf;
  if (startsWith(buf, CFB_MAGIC)) {
    if (buf.indexOf(ENCRYPTION_INFO) >= 0) throw new SelfevalError(`工作簿受密码保护，请先取消密码后再检查（${name}）`);
    throw new SelfevalError(`这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再检查（${name}）`);
  }
  throw new SelfevalError(`这不是 .xlsx 工作簿文件（${name}）`);
}
