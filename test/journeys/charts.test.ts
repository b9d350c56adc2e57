import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoBudget } from '../../src/db/seed/budget.ts';
import { seedDemoProjects } from '../../src/db/seed/projects.ts';
import { journey, overflowsHorizontally } from '../helpers/browser.ts';

const j = journey();

interface ChartReading {
  charts: number;
  problems: string[];
  texts: string[];
}

/**
 * Measures, in the browser, every chart the page shows at its width: the drawing stays inside its
 * figure, every label inside the drawing, no two labels overlap, and no label is drawn smaller than
 * 12 px on the screen (its font size times the drawing's scale).
 */
function readCharts(page: Page): Promise<ChartReading> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const texts: string[] = [];
    const shown = [...document.querySelectorAll<HTMLElement>('.chart-svg')].filter(
      (d) => getComputedStyle(d).display !== 'none',
    );
    shown.forEach((holder, n) => {
      const svg = holder.querySelector('svg');
      const figure = holder.closest('figure');
      if (svg === null || figure === null) {
        problems.push(`chart ${n}: no drawing`);
        return;
      }
      const box = svg.getBoundingClientRect();
      const frame = figure.getBoundingClientRect();
      if (box.width === 0) problems.push(`chart ${n}: drawn with no width`);
      if (box.right > frame.right + 0.5 || box.left < frame.left - 0.5)
        problems.push(`chart ${n}: ${Math.round(box.width)} px wide in a ${Math.round(frame.width)} px figure`);
      const scale = box.width / svg.viewBox.baseVal.width;
      const labels = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '');
      const rects = labels.map((t) => t.getBoundingClientRect());
      labels.forEach((label, i) => {
        const text = label.textContent ?? '';
        texts.push(text);
        const r = rects[i] as DOMRect;
        if (
          r.left < box.left - 0.5 ||
          r.right > box.right + 0.5 ||
          r.top < box.top - 0.5 ||
          r.bottom > box.bottom + 0.5
        )
          problems.push(`chart ${n}: "${text}" runs out of the drawing`);
        const size = Number.parseFloat(getComputedStyle(label).fontSize) * scale;
        if (size < 11.95) problems.push(`chart ${n}: "${text}" is ${size.toFixed(1)} px`);
        for (let k = i + 1; k < labels.length; k++) {
          const o = rects[k] as DOMRect;
          const across = Math.min(r.right, o.right) - Math.max(r.left, o.left);
          const down = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
          if (across > 0.5 && down > 0.5)
            problems.push(`chart ${n}: "${text}" overlaps "${labels[k]?.textContent ?? ''}"`);
        }
      });
    });
    return { charts: shown.length, problems, texts };
  });
}

describe('charts you can read', () => {
  test('every budget and project chart fits a 360 px phone and a 1280 px screen, labels whole and apart, amounts as Rp 1,2 T', async () => {
    const db = j.served.database.db;
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    await seedDemoBudget(db, council.id, 2025);
    await seedDemoBudget(db, council.id, 2026);
    await seedDemoProjects(db, council.id, 2026, '2026-11-30');
    // The project with the most progress reports: the busiest line chart.
    const project = await db
      .selectFrom('project_update')
      .select(['project_id', db.fn.countAll<number>().as('n')])
      .groupBy('project_id')
      .orderBy('n', 'desc')
      .orderBy('project_id')
      .executeTakeFirstOrThrow();
    assert.ok(Number(project.n) >= 6, 'a project with many reports');
    // The spending account with the most children: the longest bar chart, with long names.
    const pages = [
      '/anggaran?tahun=2026&tahap=murni',
      '/anggaran?tahun=2026&tahap=murni&akun=5',
      '/anggaran?tahun=2026&tahap=murni&akun=5.1',
      `/proyek/${project.project_id}`,
    ];
    const problems: string[] = [];
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ]) {
      const context = await j.newContext({ javaScriptEnabled: false, viewport });
      const page = await context.newPage();
      for (const address of pages) {
        const res = await page.goto(`${j.served.baseUrl}${address}`);
        assert.equal(res?.status(), 200, address);
        const reading = await readCharts(page);
        assert.ok(reading.charts > 0, `${address} at ${viewport.width} px shows a chart`);
        problems.push(...reading.problems.map((p) => `${address} at ${viewport.width} px: ${p}`));
        if (await overflowsHorizontally(page)) problems.push(`${address} at ${viewport.width} px: scrolls sideways`);
        if (address.includes('anggaran')) {
          // Axis amounts are short ("Rp 1,2 T", "Rp 400 M"), never a row of digits.
          assert.ok(
            reading.texts.some((text) => /^Rp \d+(,\d)? (T|M)$/.test(text)),
            `${address}: an axis amount like "Rp 1,2 T" (${reading.texts.join(' | ')})`,
          );
          assert.equal(
            reading.texts.filter((text) => /\d{5,}/.test(text)).length,
            0,
            `${address}: no amount written as a row of digits`,
          );
        }
        // Every chart keeps its table.
        assert.ok((await page.locator('figure.chart table').count()) > 0, `${address}: the figures as a table`);
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
});
