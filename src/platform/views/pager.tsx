/** Previous / page n of m / next, for a list split into pages; nothing when it fits one page. */
import type { PageContext } from '../page-context.ts';

/**
 * The address of a filtered list: its query with `change` applied, empty values left out, so a
 * page link or a download keeps the filters a person chose ("/perda?q=pajak&hal=2").
 */
export function filteredLink(base: string, query: Record<string, string>, change: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...query, ...change });
  for (const [k, v] of [...params]) if (v === '') params.delete(k);
  const text = params.toString();
  return text === '' ? base : `${base}?${text}`;
}

export function Pager({
  ctx,
  page,
  pages,
  href,
}: {
  ctx: PageContext;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const { t } = ctx;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('aspiration.list.pages')}>
      {page > 1 ? <a href={href(page - 1)}>{t('aspiration.list.previous')}</a> : null}
      <span>{t('aspiration.list.page', { n: page, of: pages })}</span>
      {page < pages ? <a href={href(page + 1)}>{t('aspiration.list.next')}</a> : null}
    </nav>
  );
}
