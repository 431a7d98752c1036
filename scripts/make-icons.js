#!/usr/bin/env node
// Draws the add-in's icons (a green rounded square with a white check mark) as PNG
// files in assets/: icon-16/32/64/80/128.png. Uses only node's zlib: each pixel is
// supersampled 4x4 for smooth edges. Run: node scripts/make-icons.js

'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const GREEN = [0x21, 0x73, 0x46]; // Excel-like green
const WHITE = [0xff, 0xff, 0xff];
const SIZES = [16, 32, 64, 80, 128];

// ---- PNG encoding

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** rgba: Uint8Array of size*size*4 -> PNG bytes (8-bit RGBA, no interlace). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// ---- drawing (unit square coordinates 0..1)

function insideRoundedSquare(x, y) {
  const m = 0.04; // margin
  const r = 0.2; // corner radius
  if (x < m || x > 1 - m || y < m || y > 1 - m) return false;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onCheck(x, y, size) {
  // A check mark: a short stroke down-right, then a long stroke up-right.
  const w = size <= 16 ? 0.075 : 0.06; // half stroke width; thicker at 16 px to stay visible
  const a = [0.25, 0.52];
  const b = [0.43, 0.7];
  const c = [0.76, 0.32];
  return distToSegment(x, y, a[0], a[1], b[0], b[1]) <= w || distToSegment(x, y, b[0], b[1], c[0], c[1]) <= w;
}

function draw(size) {
  const S = 4; // supersampling
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inSq = 0;
      let inCk = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          if (insideRoundedSquare(x, y)) {
            inSq++;
            if (onCheck(x, y, size)) inCk++;
          }
        }
      }
      const n = S * S;
      const alpha = inSq / n;
      const white = inSq ? inCk / inSq : 0;
      const i = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(GREEN[k] * (1 - white) + WHITE[k] * white);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, rgba);
}

function main() {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, draw(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { draw, encodePng, SIZES };
