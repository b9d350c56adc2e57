/**
 * Writing data for other programs: XML text escaped, Atom 1.0 feeds (RFC 4287) and CSV
 * (RFC 4180). Features give their entries; the format lives here once.
 */
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  summary: string;
  category?: { term: string; label: string } | undefined;
}

/** A feed at `${base}${path}.atom` (or `${base}${self}`) whose HTML page is `${base}${path}`. */
export function atomFeed(feed: {
  title: string;
  author: string;
  base: string;
  path: string;
  /** Where the feed itself is, when not beside its page. */
  self?: string;
  entries: AtomEntry[];
}): string {
  const x = escapeXml;
  const updated = new Date(Math.max(0, ...feed.entries.map((e) => e.updated.getTime())));
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${x(e.id)}</id>
    <title>${x(e.title)}</title>
    <link rel="alternate" type="text/html" href="${x(e.url)}"/>
    <published>${e.published.toISOString()}</published>
    <updated>${e.updated.toISOString()}</updated>
${e.category === undefined ? '' : `    <category term="${x(e.category.term)}" label="${x(e.category.label)}"/>\n`}    <summary type="text">${x(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>${x(`${feed.base}${feed.path}`)}</id>
  <title>${x(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${x(`${feed.base}${feed.self ?? `${feed.path}.atom`}`)}"/>
  <link rel="alternate" type="text/html" href="${x(`${feed.base}${feed.path}`)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>${x(feed.author)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** RFC 4180: fields quoted when they hold a comma, quote or line break; CRLF between records. */
function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  // Text that begins with = + - @ (or a tab or carriage return before them) would make a
  // spreadsheet run it as a formula; a number, such as a latitude of -6.2, is left as it is.
  const number = typeof value === 'number' || /^[+-]?\d+(\.\d+)?$/.test(text);
  const safe = !number && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV file with a byte-order mark, so spreadsheets read it as UTF-8. */
export function csv(rows: (string | number | boolean | null)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
