import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { barChart, keptDrawing } from './charts.ts';

describe('charts drawn on the server', () => {
  test('a drawing is made once per key, and the oldest are let go past two hundred', () => {
    let drawn = 0;
    const draw = (label: string) => () => {
      drawn++;
      return barChart({ width: 328, categories: [label], series: [{ name: 'Rencana', values: [drawn] }] });
    };
    const first = keptDrawing('chart-test-a', draw('A'));
    assert.match(first, /^<svg aria-hidden="true"/);
    assert.equal(keptDrawing('chart-test-a', draw('A')), first);
    assert.equal(drawn, 1, 'the same key: not drawn again');
    keptDrawing('chart-test-b', draw('B'));
    assert.equal(drawn, 2, 'another key: drawn');
    for (let i = 0; i < 200; i++) keptDrawing(`chart-test-fill-${i}`, () => `<svg>${i}</svg>`);
    keptDrawing('chart-test-a', draw('A'));
    assert.equal(drawn, 3, 'let go once two hundred newer ones were kept: drawn again');
  });
});
