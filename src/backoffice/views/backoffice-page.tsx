/** /kelola: where staff, members, moderators and administrators start. */
import type { PageContext } from '../../platform/page-context.ts';
import { Layout } from '../../platform/views/layout.tsx';

export function BackOfficePage({ ctx, links }: { ctx: PageContext; links: { href: string; label: string }[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('nav.backOffice')}>
      <h1>{t('nav.backOffice')}</h1>
      {ctx.user === null ? null : (
        <p>{t('account.signedInAs', { name: ctx.user.name, role: t(`role.${ctx.user.role}`) })}</p>
      )}
      <ul class="grid">
        {links.map((l) => (
          <li key={l.href} class="card">
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
