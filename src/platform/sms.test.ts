import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fitSms, fitsOneSms, gsmLength, SMS_LIMIT, toGsm } from './sms.ts';

const link = 'https://dprd.example.go.id/lacak/12-1767225600-Zm9vYmFyYmF6cXV4';

describe('a text for SMS fits one message a cheap phone shows whole', () => {
  test('typography becomes plain, accents GSM lacks are dropped, and what has no GSM form becomes "?"', () => {
    assert.equal(toGsm('“Jalan” rusak – kata warga’s…'), '"Jalan" rusak - kata warga\'s...');
    assert.equal(toGsm('Café à la crêpe'), 'Café à la crepe');
    assert.equal(toGsm('Banjir 🌧 lagi'), 'Banjir ? lagi');
    assert.equal(toGsm('Rp 1.500.000 (50%)'), 'Rp 1.500.000 (50%)');
  });

  test('characters of the extension table take two places', () => {
    assert.equal(gsmLength('abc'), 3);
    assert.equal(gsmLength('€5 [x]'), 9);
  });

  test('a short text goes unchanged, spaces and lines collapsed', () => {
    assert.equal(
      fitSms('DPRD: kode ASP-2026-000001.\n\nLihat:  https://x.id/a'),
      'DPRD: kode ASP-2026-000001. Lihat: https://x.id/a',
    );
  });

  test('a long text is cut at a word with "...", and its link at the end stays whole', () => {
    const words = 'Tanggapan komisi atas aspirasi warga tentang drainase yang tersumbat di kelurahan ini';
    const text = `DPRD Kota Bekasi: ASP-2026-000123 Selesai. ${words} ${words}. Lihat: ${link}`;
    const fitted = fitSms(text);
    assert.ok(gsmLength(fitted) <= SMS_LIMIT, `${gsmLength(fitted)}`);
    assert.ok(fitted.endsWith(`... ${link}`), fitted);
    assert.ok(fitted.startsWith('DPRD Kota Bekasi: ASP-2026-000123 Selesai. Tanggapan komisi'));
    const before = fitted.slice(0, fitted.indexOf('...'));
    assert.ok(text.startsWith(before), 'nothing but the end was taken away');
    assert.ok(/\s/.test(text.charAt(before.length)), 'the cut falls between words');
    assert.ok(fitsOneSms(fitted));
  });

  test('a long text without a link is cut to 160 too', () => {
    const fitted = fitSms('kata '.repeat(60));
    assert.equal(fitted, `${'kata '.repeat(31).trim()}...`);
    assert.ok(gsmLength(fitted) <= SMS_LIMIT);
  });

  test('a text with a character outside GSM is not one SMS as it stands', () => {
    assert.equal(fitsOneSms('Terima kasih'), true);
    assert.equal(fitsOneSms('Terima kasih 🙏'), false);
    assert.equal(fitsOneSms('x'.repeat(161)), false);
  });
});
