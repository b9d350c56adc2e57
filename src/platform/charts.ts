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
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\sstyle="[^"]*"/g, '')
    .replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
