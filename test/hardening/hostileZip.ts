// Hostile .xlsx files built by code: a zip writer that writes what it is told (duplicate
// names, declared sizes that lie, deflate streams that inflate to gigabytes from a few MB),
// and the CLI run in a child process with its exit code, stderr, time and peak memory.

import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawnSync } from 'child_process';
import JSZip from 'jszip';

export interface RawEntry {
  name: string;
  /** The stored bytes: raw deflate (method 8) or the data itself (method 0). */
  data: Buffer;
  method: 0 | 8;
  /** The inflated size the directories declare. */
  size: number;
}

/** A zip of the entries exactly as given (CRCs are left 0: selfeval's reader does not need them). */
export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(Math.min(e.size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(Math.min(e.size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

export function deflated(name: string, text: string | Buffer): RawEntry {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, data: zlib.deflateRawSync(buf), method: 8, size: buf.length };
}

/**
 * A deflate stream of head + unit × count + tail without ever holding the inflated bytes:
 * each piece is compressed alone and flushed to a byte boundary, so the pieces concatenate.
 */
export function repeated(name: string, head: string, unit: string, count: number, tail: string, declared?: number): RawEntry {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const h = zlib.deflateRawSync(Buffer.from(head), flush);
  const u = zlib.deflateRawSync(Buffer.from(unit), flush);
  const t = zlib.deflateRawSync(Buffer.from(tail), { level: 9 });
  const parts: Buffer[] = [h];
  for (let i = 0; i < count; i++) parts.push(u);
  parts.push(t);
  const size = Buffer.byteLength(head) + Buffer.byteLength(unit) * count + Buffer.byteLength(tail);
  return { name, data: Buffer.concat(parts), method: 8, size: declared ?? size };
}

/** The entries of a package written by ExcelJS (or anything), each deflated again as it was. */
export async function entriesOf(xlsx: Buffer): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const out: RawEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    out.push(deflated(name, Buffer.from(await zip.files[name].async('uint8array'))));
  }
  return out;
}

export function replaceEntry(entries: RawEntry[], e: RawEntry): RawEntry[] {
  return entries.map((x) => (x.name === e.name ? e : x));
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  seconds: number;
  /** Peak resident memory of the command, in MB (from /usr/bin/time -v). */
  peakMB: number;
}

const root = path.join(__dirname, '..', '..');
export const BIN = path.join(root, 'bin', 'selfeval.js');

/** Runs `selfeval <args>` in a child process under /usr/bin/time -v. */
export function runCli(args: string[], timeoutMs = 120000, env: Record<string, string> = {}): CliRun {
  const timeFile = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'selfeval-time-')), 'time.txt');
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, process.execPath, BIN, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  const seconds = (Date.now() - t0) / 1000;
  const stats = fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8') : '';
  fs.rmSync(path.dirname(timeFile), { recursive: true, force: true });
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stats);
  // /usr/bin/time reports the child's own exit status; a signal shows as "Command terminated by signal N".
  const sig = /Command terminated by signal (\d+)/.exec(stats);
  const code = sig ? 128 + Number(sig[1]) : r.status;
  return { code, signal: r.signal, out: r.stdout, err: r.stderr, seconds, peakMB: kb ? Number(kb[1]) / 1024 : NaN };
}

/** Builds the CLI (tsc -p tsconfig.cli.json) so that bin/selfeval.js runs this tree's code. */
export function buildCli(): void {
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'pipe' });
  if (!fs.existsSync(path.join(root, 'build', 'node', 'bin.js'))) throw new Error('the CLI did not build');
}
