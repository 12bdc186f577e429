#!/usr/bin/env node
// Draws the Stakelens icon (a lens over a stacked coin) at every size the stores ask for, as PNGs
// in public/icon/. Run it when the design changes; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, pixel) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) rows.set(pixel(x, y, size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// Supersampled: a ring (the lens) around three stacked bars (the layers), handle to the lower right.
function pixel(x, y, size) {
  let hits = 0;
  const n = 4;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const u = (x + (i + 0.5) / n) / size;
      const v = (y + (j + 0.5) / n) / size;
      const d = Math.hypot(u - 0.42, v - 0.42);
      const ring = d > 0.27 && d < 0.37;
      const handle = u > 0.62 && v > 0.62 && Math.abs(u - v) < 0.09 && u < 0.94;
      const bar = d < 0.24 && [0.32, 0.44, 0.56].some((c) => Math.abs(v - c) < 0.04) && Math.abs(u - 0.42) < 0.16;
      if (ring || handle || bar) hits++;
    }
  }
  return [79, 70, 229, Math.round((255 * hits) / (n * n))];
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, png(size, pixel));
console.log(`icons: ${SIZES.join(', ')} px in public/icon/`);
