/**
 * A chart drawn on the server, once for a phone and once for a wide screen (the stylesheet shows
 * the one that fits, at the size it was drawn), with its caption and, after it, the same figures
 * as a table: the table is what screen readers and people who want the exact numbers read.
 */
import type { ComponentChildren } from 'preact';
import { chartWidths, type DrawChart } from '../charts.ts';

export function ChartFigure({
  caption,
  draw,
  children,
}: {
  caption: string;
  draw: DrawChart;
  /** The table of the chart's figures. */
  children: ComponentChildren;
}) {
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      {/* The SVG comes from our own chart code, not from people; its styles are stripped. */}
      <div class="chart-svg chart-narrow" dangerouslySetInnerHTML={{ __html: draw(chartWidths.narrow) }} />
      <div class="chart-svg chart-wide" dangerouslySetInnerHTML={{ __html: draw(chartWidths.wide) }} />
      {children}
    </figure>
  );
}
