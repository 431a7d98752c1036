// The zip container of an .xlsx package: its central directory, read once, and each part
// inflated as a stream that stops at the limits (counted from the inflated bytes themselves,
// not from the sizes the directory declares).

import * as zlib from 'zlib';
import { CorruptError, checkLimit, corrupt, LIMITS, overLimit } from './limits';

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const CHUNK = 64 * 1024;
/** Parts that inflate to at most this are inflated in one synchronous call. */
const SMALL_PART = 4 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared by the central directory: the stream is counted all the same. */
  size: number;
  localOffset: number;
}

export class ZipPackage {
  /** Entries by part name, in directory order. */
  readonly entries = new Map<string, ZipEntry>();
  private readonly lower = new Map<string, ZipEntry>();
  /** Bytes inflated so far over all parts (the total limit counts these). */
  private inflated = 0;

  constructor(
    readonly buf: Buffer,
    /** The file's name, for messages. */
    readonly file: string,
  ) {
    readCentralDirectory(this);
  }

  /** @internal used while reading the directory */
  add(e: ZipEntry): void {
    const key = e.name.toLowerCase();
    if (this.lower.has(key)) throw corrupt(this.file, `压缩包中有两个同名的部件“${e.name}”`);
    this.entries.set(e.name, e);
    this.lower.set(key, e);
  }

  /** The entry of a part name (exact, else case-insensitive as OPC part names are). */
  get(name: string): ZipEntry | undefined {
    return this.entries.get(name) ?? this.lower.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  private dataOf(e: ZipEntry): Buffer {
    const b = this.buf;
    const at = e.localOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL_SIG) throw corrupt(this.file, `部件“${e.name}”的位置信息不正确`);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw corrupt(this.file, `部件“${e.name}”的数据不完整`);
    return b.subarray(start, end);
  }

  /**
   * Streams one part's inflated bytes to `onChunk`, in order; throws LimitError as soon as
   * the part or the package passes its inflated-size limit, CorruptError when it cannot inflate.
   */
  async stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    const e = this.get(name);
    if (!e) throw corrupt(this.file, `缺少部件“${name}”`);
    if (e.flags & 1) throw corrupt(this.file, `部件“${e.name}”被压缩包加密`);
    const data = this.dataOf(e);
    let partBytes = 0;
    const count = (n: number): void => {
      partBytes += n;
      this.inflated += n;
      if (partBytes > LIMITS.partInflated.value) throw overLimit('partInflated', this.file, `部件“${e.name}”解压后`);
      if (this.inflated > LIMITS.totalInflated.value) throw overLimit('totalInflated', this.file, '全部部件解压后');
    };
    if (e.method === 0) {
      for (let i = 0; i < data.length; i += CHUNK) {
        const chunk = data.subarray(i, Math.min(i + CHUNK, data.length));
        count(chunk.length);
        onChunk(chunk);
      }
      return;
    }
    if (e.method !== 8) throw corrupt(this.file, `部件“${e.name}”使用了不支持的压缩方式（${e.method}）`);
    const whole = this.inflateSmall(e, data);
    if (whole) {
      for (let i = 0; i < whole.length; i += CHUNK) {
        const chunk = whole.subarray(i, Math.min(i + CHUNK, whole.length));
        count(chunk.length);
        onChunk(chunk);
      }
      return;
    }
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
    inflater.end(data);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        count(chunk.length);
        onChunk(chunk);
      }
    } catch (err) {
      inflater.destroy();
      // zlib's errors carry a Z_ code (checked by shape: they may come from another realm).
      const code = (err as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && code.startsWith('Z_')) {
        throw corrupt(this.file, `部件“${e.name}”无法解压`);
      }
      throw err;
    }
  }

  /**
   * A small part inflated in one synchronous call (no thread-pool round trip per part), its
   * output capped at SMALL_PART bytes whatever its header declares; undefined when it inflates
   * to more, for the streaming path to take it with its limits.
   */
  private inflateSmall(e: ZipEntry, data: Buffer): Buffer | undefined {
    if (data.length > SMALL_PART) return undefined;
    try {
      return zlib.inflateRawSync(data, { maxOutputLength: SMALL_PART });
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (code === 'ERR_BUFFER_TOO_LARGE') return undefined;
      if (typeof code === 'string' && code.startsWith('Z_')) throw corrupt(this.file, `部件“${e.name}”无法解压`);
      throw err;
    }
  }

  /** One part's inflated bytes, within the limits. */
  async read(name: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    await this.stream(name, (c) => parts.push(Buffer.from(c)));
    return Buffer.concat(parts);
  }

  /** Every part of the package, inflated (for a writer that copies the package): name -> bytes. */
  async readAll(): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    for (const name of this.entries.keys()) {
      if (name.endsWith('/')) continue;
      out.set(name, await this.read(name));
    }
    return out;
  }
}

function findEocd(b: Buffer): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === EOCD_SIG) return i;
  return -1;
}

/** Zip64 sizes and offset from an entry's extra field, for the fields the directory set to 0xFFFFFFFF. */
function zip64Extra(b: Buffer, at: number, len: number, e: ZipEntry): void {
  const end = at + len;
  while (at + 4 <= end) {
    const id = b.readUInt16LE(at);
    const size = b.readUInt16LE(at + 2);
    if (id === 1) {
      let p = at + 4;
      const next = (): number => {
        const v = Number(b.readBigUInt64LE(p));
        p += 8;
        return v;
      };
      if (e.size === 0xffffffff && p + 8 <= end) e.size = next();
      if (e.compressedSize === 0xffffffff && p + 8 <= end) e.compressedSize = next();
      if (e.localOffset === 0xffffffff && p + 8 <= end) e.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function directoryBounds(zip: ZipPackage, eocd: number): { count: number; offset: number } {
  const b = zip.buf;
  let count = b.readUInt16LE(eocd + 10);
  let offset = b.readUInt32LE(eocd + 16);
  const loc = eocd - 20;
  if (loc >= 0 && b.readUInt32LE(loc) === ZIP64_LOCATOR_SIG) {
    const at = Number(b.readBigUInt64LE(loc + 8));
    if (at + 56 > b.length || b.readUInt32LE(at) !== ZIP64_EOCD_SIG) throw corrupt(zip.file, '压缩包的目录（Zip64）不正确');
    count = Number(b.readBigUInt64LE(at + 32));
    offset = Number(b.readBigUInt64LE(at + 48));
  }
  return { count, offset };
}

function readCentralDirectory(zip: ZipPackage): void {
  const b = zip.buf;
  const eocd = findEocd(b);
  if (eocd < 0) throw corrupt(zip.file, '找不到压缩包的目录（文件可能不完整）');
  const { count, offset } = directoryBounds(zip, eocd);
  checkLimit('zipEntries', zip.file, `压缩包中的部件数`, count);
  let at = offset;
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL_SIG) throw corrupt(zip.file, '压缩包的目录不完整');
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    const flags = b.readUInt16LE(at + 8);
    const name = b.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLen);
    const e: ZipEntry = {
      name,
      flags,
      method: b.readUInt16LE(at + 10),
      compressedSize: b.readUInt32LE(at + 20),
      size: b.readUInt32LE(at + 24),
      localOffset: b.readUInt32LE(at + 42),
    };
    zip64Extra(b, at + 46 + nameLen, extraLen, e);
    checkLimit('partInflated', zip.file, `部件“${name}”声明的解压大小`, e.size);
    declared += e.size;
    checkLimit('totalInflated', zip.file, '全部部件声明的解压总大小', declared);
    zip.add(e);
    at += 46 + nameLen + extraLen + commentLen;
  }
}

export function isCorrupt(e: unknown): e is CorruptError {
  return e instanceof CorruptError;
}
