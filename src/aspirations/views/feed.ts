/** /aspirasi.atom: the newest public aspirations as an Atom feed. */
import { atomFeed } from '../../platform/feeds.ts';
import type { Translate } from '../../platform/i18n.ts';
import { textOf } from '../../platform/i18n.ts';
import type { AspirationView } from '../service.ts';
import { statusTexts } from './shared.tsx';

export function aspirationsAtom({
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
  return atomFeed({
    title: `${t('aspiration.list.title')} · ${council}`,
    author: council,
    base,
    path: '/aspirasi',
    entries: items.map((a) => {
      const status = textOf(t, statusTexts, a.status);
      return {
        id: `${base}/aspirasi/${a.code}`,
        title: `${a.code}: ${a.title}`,
        url: `${base}/aspirasi/${a.code}`,
        published: a.receivedAt,
        updated: a.updatedAt,
        summary: `${status}. ${a.description.slice(0, 500)}`,
        category: { term: a.status, label: status },
      };
    }),
  });
}
