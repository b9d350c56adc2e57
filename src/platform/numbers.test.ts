import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type NumberField, numberForField, readNumber } from './numbers.ts';

const percent: NumberField = { decimals: 1, min: 0, max: 100, unit: 'percent' };
const money: NumberField = { decimals: 0, min: 0, max: 999_999_999_999_999, unit: 'rupiah' };
const latitude: NumberField = { decimals: 7, min: -90, max: 90 };

const value = (raw: string, field: NumberField) => {
  const read = readNumber(raw, field);
  return read.ok ? read.value : read.problem;
};

describe('numbers as people in Indonesia type them', () => {
  test('a share with a decimal comma, a point, a percent sign or spaces', () => {
    assert.equal(value('61,5', percent), 61.5);
    assert.equal(value('61.5', percent), 61.5);
    assert.equal(value(' 61,5 % ', percent), 61.5);
    assert.equal(value('100', percent), 100);
    assert.equal(value('0', percent), 0);
    assert.equal(value('61,55', percent), 61.6, 'rounded to the one decimal kept');
    assert.equal(value('101', percent), 'range');
    assert.equal(value('-1', percent), 'range');
    assert.equal(value('61,', percent), 'format');
    assert.equal(value('enam puluh', percent), 'format');
    assert.equal(value('6,1,5', percent), 'format');
    assert.equal(value('', percent), 'format');
  });

  test('rupiah with dots between thousands, "Rp", and zero sen', () => {
    assert.equal(value('1.250.000', money), 1250000);
    assert.equal(value('Rp 1.250.000', money), 1250000);
    assert.equal(value('Rp. 12.500.000.000', money), 12500000000);
    assert.equal(value('1250000', money), 1250000);
    assert.equal(value('1.250.000,00', money), 1250000);
    assert.equal(value('1.250', money), 1250, 'a lone group of three is thousands');
    assert.equal(value('1.250.000,50', money), 'format', 'whole rupiah only');
    assert.equal(value('12.5', money), 'format');
    assert.equal(value('1.25.000', money), 'format', 'groups are of three');
    assert.equal(value('-5', money), 'range');
    assert.equal(value('1.000.000.000.000.000', money), 'range');
  });

  test('a coordinate with a decimal comma or point; a lone group of three is read as the range allows', () => {
    assert.equal(value('-6,2383', latitude), -6.2383);
    assert.equal(value('-6.2383', latitude), -6.2383);
    assert.equal(value('\u22126,2383', latitude), -6.2383, 'a typographic minus');
    assert.equal(value('-6.238', latitude), -6.238, 'not -6238: only the decimal reading is a latitude');
    assert.equal(value('-6,23831234', latitude), -6.2383123);
    assert.equal(value('-91', latitude), 'range');
  });

  test('a number goes back into its field with the decimal comma', () => {
    assert.equal(numberForField(61.5), '61,5');
    assert.equal(numberForField(-6.2383), '-6,2383');
    assert.equal(numberForField(1250000), '1250000');
  });
});
