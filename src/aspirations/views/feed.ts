/** /aspirasi.atom: the newest public aspirations as an Atom 1.0 feed (RFC 4287). */
import type { Translate } from '../../platform/i18n.ts';
import type { AspirationView } from '../service.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
function xml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

export function atomFeed({
  items,
  council,
  base,
  t,
}: {
  items: AspirationView[];
  council: string;
  base: string;
  t: Translate;
}): string {
  const updated = new Date(Math.max(0, ...items.map((a) => a.updatedAt.getTime())));
  const entries = items.map((a) => {
    const url = `${base}/aspirasi/${a.code}`;
    const status = t(`aspiration.status.${a.status}` as 'aspiration.status.received');
    return `  <entry>
    <id>${xml(url)}</id>
    <title>${xml(`${a.code}: ${a.title}`)}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <published>${a.receivedAt.toISOString()}</published>
    <updated>${a.updatedAt.toISOString()}</updated>
    <category term="${xml(a.status)}" label="${xml(status)}"/>
    <summary type="text">${xml(`${status}. ${a.description.slice(0, 500)}`)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>${xml(`${base}/aspirasi`)}</id>
  <title>${xml(`${t('aspiration.list.title')} · ${council}`)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(`${base}/aspirasi.atom`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/aspirasi`)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>${xml(council)}</name></author>
${entries.join('\n')}
</feed>
`;
}
