/** /kelola: where staff, members, moderators and administrators start: their own work first. */
import type { WaitingWork } from '../../platform/feature.ts';
import { dayOf, formatNumber } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Banner, Tag } from '../../platform/views/components.tsx';
import { Layout } from '../../platform/views/layout.tsx';

export function BackOfficePage({
  ctx,
  waiting,
  links,
}: {
  ctx: PageContext;
  waiting: WaitingWork[];
  links: { href: string; label: string }[];
}) {
  const { t, lang } = ctx;
  const overdue = waiting.reduce((sum, w) => sum + w.overdue, 0);
  return (
    <Layout ctx={ctx} title={t('nav.backOffice')}>
      <h1>{t('nav.backOffice')}</h1>
      {ctx.user === null ? null : (
        <p>{t('account.signedInAs', { name: ctx.user.name, role: t(`role.${ctx.user.role}`) })}</p>
      )}
      <section aria-labelledby="pekerjaan">
        <h2 id="pekerjaan">{t('backoffice.waiting')}</h2>
        {waiting.length === 0 ? <p>{t('backoffice.nothing')}</p> : null}
        {overdue > 0 ? (
          <Banner tone="warning">
            <p>{t('backoffice.overdue', { n: formatNumber(overdue, lang) })}</p>
          </Banner>
        ) : null}
        <ul class="list">
          {waiting.map((w) => (
            <li key={`${w.href}-${w.label}`}>
              <a href={w.href}>{t(w.label, { n: formatNumber(w.count, lang) })}</a>
              {w.overdue > 0 ? (
                <>
                  {' '}
                  <Tag tone="stopped">{t('backoffice.late', { n: formatNumber(w.overdue, lang) })}</Tag>
                </>
              ) : null}
              {w.due === null ? null : (
                <>
                  <br />
                  {t('backoffice.due', { when: dayOf(ctx, w.due) })}
                </>
              )}
              {w.items === undefined ? null : (
                <ul>
                  {w.items.map((item) => (
                    <li key={item.href}>
                      <a href={item.href}>{item.text}</a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="bagian">
        <h2 id="bagian">{t('backoffice.parts')}</h2>
        <ul class="grid">
          {links.map((l) => (
            <li key={l.href} class="card">
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
