/**
 * Charts drawn on the server as SVG (Apache ECharts' server-side renderer), so they show with
 * JavaScript off. The page puts a data table beside each chart for screen readers; the SVG's own
 * <style> block (hover effects only) is removed because the CSP allows no inline styles.
 */
import * as echarts from 'echarts';

export interface BarSeries {
  name: string;
  values: number[];
}

export function barChart(options: {
  categories: string[];
  series: BarSeries[];
  width?: number;
  height?: number;
  unit?: (v: number) => string;
}): string {
  const width = options.width ?? 640;
  const height = options.height ?? Math.max(220, 60 + options.categories.length * 34);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: options.series.map((s) => s.name) },
    xAxis: { type: 'value', axisLabel: { formatter: options.unit ?? ((v: number) => String(v)) } },
    yAxis: { type: 'category', inverse: true, data: options.categories },
    color: ['#8a1c1c', '#1a7f37'],
    series: options.series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
  });
  return finish(chart);
}

/** The SVG without its inline styles, hidden from screen readers (the table beside it speaks). */
function finish(chart: echarts.ECharts): string {
  const svg = chart.renderToSVGString();
  chart.dispose();
  return (
    svg
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/\sstyle="[^"]*"/g, '')
      // ECharts marks its shapes with ecmeta_* attributes, which SVG does not have.
      .replace(/\secmeta_[a-z_]+="[^"]*"/g, '')
      .replace('<svg ', '<svg aria-hidden="true" focusable="false" ')
  );
}

/** A percentage over time (e.g. physical progress of a project), from dated points. */
export function progressChart(options: {
  points: { date: string; value: number }[];
  name: string;
  /** The day the line should reach 100 %, drawn as a dashed plan line from the first point. */
  planned?: { from: string; to: string } | undefined;
  dateLabel: (day: string) => string;
  /** A share as the reader writes it ("61,5%"). */
  percentLabel: (value: number) => string;
  width?: number;
  height?: number;
}): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width ?? 640,
    height: options.height ?? 260,
  });
  const series: object[] = [
    {
      type: 'line',
      name: options.name,
      data: options.points.map((p) => [p.date, p.value]),
      step: false,
      symbolSize: 7,
      label: {
        show: options.points.length <= 12,
        formatter: (p: { value: [string, number] }) => options.percentLabel(p.value[1]),
      },
    },
  ];
  if (options.planned !== undefined)
    series.push({
      type: 'line',
      name: 'plan',
      data: [
        [options.planned.from, 0],
        [options.planned.to, 100],
      ],
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 1 },
    });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'time',
      axisLabel: {
        formatter: (v: number) => options.dateLabel(new Date(v).toISOString().slice(0, 10)),
        hideOverlap: true,
      },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => options.percentLabel(v) } },
    color: ['#1a7f37', '#8a8a8a'],
    series,
  });
  return finish(chart);
}
