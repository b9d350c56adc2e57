import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDate, formatRupiah, formatRupiahShort, formatRupiahWords, formatTime } from './format.ts';
import { translator } from './i18n.ts';

describe('how people read dates, times and money', () => {
  test('dates are written out, in Jakarta time', () => {
    assert.equal(formatDate(new Date('2026-11-29T03:00:00Z'), 'id'), '29 November 2026');
    assert.equal(formatDate(new Date('2026-08-17T02:00:00Z'), 'id'), '17 Agustus 2026');
    assert.equal(formatDate(new Date('2026-08-17T02:00:00Z'), 'en'), '17 August 2026');
    // 20:00 UTC on the 28th is already the 29th in Jakarta.
    assert.equal(formatDate(new Date('2026-11-28T20:00:00Z'), 'id'), '29 November 2026');
  });

  test('times are in WIB with a 24-hour clock', () => {
    assert.equal(formatTime(new Date('2026-11-29T02:30:00Z'), 'id'), '09:30 WIB');
    assert.equal(formatTime(new Date('2026-11-29T13:05:00Z'), 'en'), '20:05 WIB');
  });

  test('money is in Rupiah with Indonesian grouping', () => {
    assert.equal(formatRupiah(1234567), 'Rp 1.234.567');
    assert.equal(formatRupiah(0), 'Rp 0');
    assert.equal(formatRupiah(-2500), '-Rp 2.500');
    assert.equal(formatRupiah(6_700_000_000_000n), 'Rp 6.700.000.000.000');
  });

  test('messages fill in their parameters and leave unknown ones visible', () => {
    const t = translator('id');
    assert.equal(t('members.count', { shown: 3, total: 50 }), 'Menampilkan 3 dari 50 anggota.');
    assert.equal(t('home.seats'), '{n} kursi');
    assert.equal(translator('en')('members.count', { shown: 3, total: 50 }), 'Showing 3 of 50 members.');
  });
});

test('an amount that stands alone is written in words', () => {
  assert.equal(formatRupiahWords(6_712_345_678_901, 'id'), 'Rp 6,7 triliun');
  assert.equal(formatRupiahWords(6_712_345_678_901, 'en'), 'Rp 6.7 trillion');
  assert.equal(formatRupiahWords(1_250_000_000, 'id'), 'Rp 1,3 miliar');
  assert.equal(formatRupiahWords(500_000, 'id'), 'Rp 500.000');
});

test("an amount on a chart's axis is short: Rp 1,2 T, Rp 400 M", () => {
  assert.equal(formatRupiahShort(1_200_000_000_000, 'id'), 'Rp 1,2 T');
  assert.equal(formatRupiahShort(400_000_000_000, 'id'), 'Rp 400 M');
  assert.equal(formatRupiahShort(50_000_000, 'id'), 'Rp 50 jt');
  assert.equal(formatRupiahShort(1_200_000_000_000, 'en'), 'Rp 1.2 tn');
  assert.equal(formatRupiahShort(400_000_000_000, 'en'), 'Rp 400 bn');
  assert.equal(formatRupiahShort(0, 'id'), '0');
  assert.equal(formatRupiahShort(750, 'id'), 'Rp 750');
});
