/**
 * Charts drawn on the server as SVG (Apache ECharts' server-side renderer), so they show with
 * JavaScript off. The page puts a data table beside each chart for screen readers.
 *
 * Each chart is drawn twice, for a phone and for a wide screen (ChartFigure shows one of them),
 * and shown at the size it was drawn: a 640 px drawing squeezed onto a 360 px phone would shrink
 * its 12 px labels to 6 px. The SVG's own <style> block (hover effects and animations only) is
 * removed and its text styles become presentation attributes, because the CSP allows no inline
 * styles: without them the labels would take the page's larger font and overflow the sizes ECharts
 * measured them at. The font is Arial's metrics (Liberation Sans on Linux), the ones ECharts
 * measures with when there is no canvas.
 */
import * as echarts from 'echarts';

export interface BarSeries {
  name: string;
  values: number[];
}

/** A chart drawn for one width (in CSS pixels), returning its SVG. */
export type DrawChart = (width: number) => string;

/** The widths charts are drawn at: a 360 px phone's content width, and the page's reading width. */
export const chartWidths = { narrow: 328, wide: 640 } as const;

const textStyle = { fontFamily: 'Arial, Liberation Sans, Helvetica, sans-serif', fontSize: 12, color: '#3b3d42' };
const narrow = (width: number) => width < 480;

export function barChart(options: {
  categories: string[];
  series: BarSeries[];
  width: number;
  unit?: (v: number) => string;
}): string {
  const { width } = options;
  const small = narrow(width);
  const height = Math.max(200, 64 + options.categories.length * 44);
  // Room for the names: as wide as the longest needs (about 6.7 px a character at 12 px), at most
  // a third of a phone's chart or 240 px.
  const longest = Math.max(...options.categories.map((c) => c.length), 4);
  const labelWidth = Math.min(small ? 120 : 240, Math.ceil(longest * 6.7));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle,
    grid: { left: 4, right: 16, top: 36, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, data: options.series.map((s) => s.name), textStyle },
    xAxis: {
      type: 'value',
      splitNumber: small ? 2 : 4,
      axisLabel: {
        formatter: options.unit ?? ((v: number) => String(v)),
        hideOverlap: true,
        alignMinLabel: 'left',
        alignMaxLabel: 'right',
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: options.categories,
      // A long account name wraps onto two lines at a measured width and is cut with an ellipsis
      // after them; the table has it whole.
      axisLabel: {
        width: labelWidth,
        overflow: 'break',
        lineHeight: 14,
        height: 28,
        lineOverflow: 'truncate',
        ellipsis: '…',
      },
    },
    color: ['#8a1c1c', '#1a7f37'],
    series: options.series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
  });
  return finish(chart);
}

/** Days along the bottom, fewer labels on a phone, written as the reader writes a date. */
function timeAxis(small: boolean, dateLabel: (day: string) => string) {
  return {
    type: 'time',
    splitNumber: small ? 3 : 6,
    axisLabel: {
      formatter: (v: number) => dateLabel(new Date(v).toISOString().slice(0, 10)),
      hideOverlap: true,
      alignMinLabel: 'left',
      alignMaxLabel: 'right',
    },
  };
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
  width: number;
}): string {
  const small = narrow(options.width);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: options.width, height: 260 });
  const series: object[] = [
    {
      type: 'line',
      name: options.name,
      data: options.points.map((p) => [p.date, p.value]),
      step: false,
      symbolSize: 7,
      label: {
        show: options.points.length <= (small ? 6 : 12),
        formatter: (p: { value: [string, number] }) => options.percentLabel(p.value[1]),
      },
      labelLayout: { hideOverlap: true },
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
    textStyle,
    grid: { left: 4, right: 24, top: 28, bottom: 4, containLabel: true },
    xAxis: timeAxis(small, options.dateLabel),
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => options.percentLabel(v) } },
    color: ['#1a7f37', '#6b6b6b'],
    series,
  });
  return finish(chart);
}

/** How many of something each day (comments on a consultation), as a line over a time axis. */
export function countChart(options: {
  points: { date: string; value: number }[];
  name: string;
  dateLabel: (day: string) => string;
  width: number;
}): string {
  const small = narrow(options.width);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: options.width, height: 240 });
  chart.setOption({
    animation: false,
    textStyle,
    grid: { left: 4, right: 24, top: 16, bottom: 4, containLabel: true },
    xAxis: timeAxis(small, options.dateLabel),
    yAxis: { type: 'value', min: 0, minInterval: 1 },
    color: ['#8a1c1c'],
    series: [
      {
        type: 'line',
        name: options.name,
        data: options.points.map((p) => [p.date, p.value]),
        symbolSize: options.points.length > 30 ? 0 : 6,
      },
    ],
  });
  return finish(chart);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Places as equal squares in a grid, each shaded by its value (five steps from the lightest to
 * the darkest) with its name and value written on it: a map-like picture where no boundary data
 * can be shown. Two columns on a phone, four on a wide screen; hidden from screen readers (the
 * table beside it speaks).
 */
export function tileGrid(options: {
  tiles: { label: string; value: number }[];
  width: number;
  valueLabel?: (v: number) => string;
}): string {
  const columns = narrow(options.width) ? 2 : 4;
  const gap = 4;
  const size = { w: (options.width - gap * (columns - 1)) / columns, h: 56 };
  const rows = Math.ceil(options.tiles.length / columns);
  const height = rows * size.h + (rows - 1) * gap;
  const max = Math.max(1, ...options.tiles.map((t) => t.value));
  const shades = ['#f6e7e7', '#e8bcbc', '#d48a8a', '#b54e4e', '#8a1c1c'];
  const label = options.valueLabel ?? ((v: number) => String(v));
  const tiles = options.tiles.map((tile, i) => {
    const x = (i % columns) * (size.w + gap);
    const y = Math.floor(i / columns) * (size.h + gap);
    const step = tile.value === 0 ? 0 : Math.min(4, Math.ceil((tile.value / max) * 5) - 1);
    const ink = step >= 3 ? '#ffffff' : '#1d1f23';
    return (
      `<rect x="${x.toFixed(1)}" y="${y}" width="${size.w.toFixed(1)}" height="${size.h}" fill="${shades[step]}"/>` +
      `<text x="${(x + 8).toFixed(1)}" y="${y + 22}" fill="${ink}" font-size="12" font-family="${textStyle.fontFamily}">${escapeXml(tile.label)}</text>` +
      `<text x="${(x + 8).toFixed(1)}" y="${y + 44}" fill="${ink}" font-size="16" font-weight="bold" font-family="${textStyle.fontFamily}">${escapeXml(label(tile.value))}</text>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${height}" viewBox="0 0 ${options.width} ${height}" aria-hidden="true" focusable="false">${tiles.join('')}</svg>`;
}

/**
 * Places as circles at their points (latitude and longitude), each circle's area in proportion to
 * its value, the largest labelled: a map of volume where boundary data is not at hand. The points
 * are projected equirectangularly with the longitude scaled by cos(latitude), which is true enough
 * over a city; places without a value are small grey dots, so the shape of the region still shows.
 * Hidden from screen readers (the table beside it speaks).
 */
export function bubbleMap(options: {
  places: { label: string; lat: number; lon: number; value: number }[];
  width: number;
  /** How many of the largest carry their name. */
  labelled?: number;
}): string {
  const { width } = options;
  const pad = narrow(width) ? 20 : 28;
  const maxRadius = narrow(width) ? 16 : 24;
  const places = options.places;
  if (places.length === 0) return '';
  const lats = places.map((p) => p.lat);
  const lons = places.map((p) => p.lon);
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * kx, 1e-6);
  const spanY = Math.max(north - south, 1e-6);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round(spanY * scale + 2 * pad);
  const x = (lon: number) => pad + (lon - west) * kx * scale;
  const y = (lat: number) => pad + (north - lat) * scale;
  const max = Math.max(1, ...places.map((p) => p.value));
  const radius = (v: number) => (v === 0 ? 2 : Math.max(3, Math.sqrt(v / max) * maxRadius));
  const ordered = [...places].sort((a, b) => b.value - a.value);
  const named = new Set(ordered.slice(0, options.labelled ?? 6).filter((p) => p.value > 0));
  const circles = [...ordered]
    .reverse()
    .map((p) =>
      p.value === 0
        ? `<circle cx="${x(p.lon).toFixed(1)}" cy="${y(p.lat).toFixed(1)}" r="2" fill="#8c8f94"/>`
        : `<circle cx="${x(p.lon).toFixed(1)}" cy="${y(p.lat).toFixed(1)}" r="${radius(p.value).toFixed(1)}" fill="#8a1c1c" fill-opacity="0.55" stroke="#8a1c1c"/>`,
    );
  const labels = [...named].map((p) => {
    const left = x(p.lon) > width * 0.7;
    const tx = x(p.lon) + (left ? -1 : 1) * (radius(p.value) + 3);
    return `<text x="${tx.toFixed(1)}" y="${(y(p.lat) + 4).toFixed(1)}" text-anchor="${left ? 'end' : 'start'}" fill="#1d1f23" font-size="12" font-family="${textStyle.fontFamily}">${escapeXml(p.label)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">${circles.join('')}${labels.join('')}</svg>`;
}

/** Inline text styles as SVG presentation attributes, which the CSP allows. */
function presentation(style: string): string {
  const attributes: string[] = [];
  for (const declaration of style.split(';')) {
    const [property, ...rest] = declaration.split(':');
    const name = property?.trim();
    const value = rest.join(':').trim();
    if (name === undefined || value === '') continue;
    if (name === 'font-size') attributes.push(`font-size="${value.replace('px', '')}"`);
    else if (name === 'font-family' || name === 'font-weight' || name === 'font-style')
      attributes.push(`${name}="${value.replaceAll('"', "'")}"`);
  }
  return attributes.length === 0 ? '' : ` ${attributes.join(' ')}`;
}

/** The SVG without its inline styles, hidden from screen readers (the table beside it speaks). */
function finish(chart: echarts.ECharts): string {
  const svg = chart.renderToSVGString();
  chart.dispose();
  return (
    svg
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/\sstyle="([^"]*)"/g, (_, style: string) => presentation(style))
      // Hover classes (their styles are gone), ECharts' ecmeta_* attributes (not SVG), hit areas.
      .replace(/\sclass="zr\d+-cls-\d+"/g, '')
      .replace(/\secmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/\spointer-events="visible"/g, '')
      // Text that ECharts leaves unstyled (it omits its default font) takes the chart's, not the page's.
      .replace(
        '<svg ',
        `<svg aria-hidden="true" focusable="false" font-size="12" font-family="${textStyle.fontFamily}" `,
      )
  );
}

/** How many drawings `keptDrawing` holds; the oldest goes first. */
const KEPT_DRAWINGS = 200;
const drawings = new Map<string, string>();

/**
 * A drawing made once for the same figures: ECharts draws on the event loop (the budget page's
 * charts took 100–110 ms of CPU per render, so every expiry of its kept copy held 256 waiting
 * visitors for as long). The caller's key must name everything the drawing depends on: the
 * figures, the labels, the width and the language its numbers are written in.
 */
export function keptDrawing(key: string, draw: () => string): string {
  const kept = drawings.get(key);
  if (kept !== undefined) {
    // Recently used: to the back of the queue.
    drawings.delete(key);
    drawings.set(key, kept);
    return kept;
  }
  const svg = draw();
  if (drawings.size >= KEPT_DRAWINGS) drawings.delete(drawings.keys().next().value ?? '');
  drawings.set(key, svg);
  return svg;
}
