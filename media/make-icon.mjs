// Draws media/icon.png (128x128, the marketplace icon): four arcs, one per DFX pillar, around a check mark.
// Run `node media/make-icon.mjs` after changing it; the PNG is committed and this script is left out of the vsix.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersamples per axis, for anti-aliasing
const C = 64;
const R = 40;
const STROKE = 10;
const BG = [0x1b, 0x2a, 0x41];
const ARCS = [
  { from: -75, to: -15, rgb: [0xf5, 0x9e, 0x0b] }, // performance
  { from: 15, to: 75, rgb: [0xef, 0x44, 0x44] }, // security
  { from: 105, to: 165, rgb: [0x10, 0xb9, 0x81] }, // reliability
  { from: 195, to: 255, rgb: [0x3b, 0x82, 0xf6] }, // testability
];
const CHECK = [[48.5, 66.2], [59.6, 77.3], [79.5, 52.9]];

const rad = (d) => (d * Math.PI) / 180;

function inRoundedSquare(x, y, r = 26) {
  const dx = Math.max(r - x, 0, x - (SIZE - r));
  const dy = Math.max(r - y, 0, y - (SIZE - r));
  return dx * dx + dy * dy <= r * r;
}

function onArc(x, y, { from, to }) {
  let a = (Math.atan2(y - C, x - C) * 180) / Math.PI;
  while (a < from) a += 360;
  if (a <= to) return Math.abs(Math.hypot(x - C, y - C) - R) <= STROKE / 2;
  return [from, to].some((d) => Math.hypot(x - (C + R * Math.cos(rad(d))), y - (C + R * Math.sin(rad(d)))) <= STROKE / 2);
}

function onSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= STROKE / 2;
}

/** The colour at a point, or undefined outside the icon. */
function colourAt(x, y) {
  if (!inRoundedSquare(x, y)) return undefined;
  if (onSegment(x, y, CHECK[0], CHECK[1]) || onSegment(x, y, CHECK[1], CHECK[2])) return [255, 255, 255];
  return ARCS.find((a) => onArc(x, y, a))?.rgb ?? BG;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (none), then RGBA
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, n = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (c) { r += c[0]; g += c[1]; b += c[2]; n++; }
      }
    }
    const o = 1 + px * 4;
    if (n) { row[o] = Math.round(r / n); row[o + 1] = Math.round(g / n); row[o + 2] = Math.round(b / n); }
    row[o + 3] = Math.round((255 * n) / (SS * SS));
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(import.meta.dirname, 'icon.png'), png);
console.log(`media/icon.png: ${png.length} bytes`);
