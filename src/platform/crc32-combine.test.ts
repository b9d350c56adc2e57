import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { crc32 } from 'node:zlib';
import { crc32Combine, crc32Shift } from './crc32-combine.ts';

test('the CRC of two byte strings joined is combined from their CRCs as zlib works it out over the bytes', () => {
  const lengths = [0, 1, 2, 3, 7, 8, 64, 1000, 4096, 65_535, 65_536, 300_001];
  for (const a of lengths)
    for (const b of lengths) {
      const left = randomBytes(a);
      const right = randomBytes(b);
      assert.equal(
        crc32Combine(crc32(left), crc32(right), crc32Shift(b)),
        crc32(Buffer.concat([left, right])),
        `${a} bytes then ${b}`,
      );
    }
});

test('a page of many pieces with a token between them gets the checksum of its whole text', () => {
  const pieces = ['<!doctype html><form>', '</form><p>Komentar</p><form>', '</form>'].map((p) => Buffer.from(p));
  const token = Buffer.from('Zy8k0s9c-token-of-one-visitor_4bQ');
  let crc = 0;
  pieces.forEach((piece, i) => {
    if (i > 0) crc = crc32Combine(crc, crc32(token), crc32Shift(token.length));
    crc = crc32Combine(crc, crc32(piece), crc32Shift(piece.length));
  });
  const whole = Buffer.from(pieces.map((p) => p.toString()).join(token.toString()));
  assert.equal(crc, crc32(whole));
});
