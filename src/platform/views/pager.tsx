/** Previous / page n of m / next, for a list split into pages; nothing when it fits one page. */
import type { PageContext } from '../page-context.ts';

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
