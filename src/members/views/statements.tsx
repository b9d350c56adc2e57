/** /kelola/kegiatan: a member (or staff for them) adds a short public statement to each activity. */
import { formatDate } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button } from '../../platform/views/components.tsx';
import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextArea } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Activity } from '../activity.ts';

export function ChooseMemberPage({
  ctx,
  members,
  notLinked,
}: {
  ctx: PageContext;
  members: { slug: string; name: string }[];
  /** Said to a member whose account is linked to no member. */
  notLinked?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('members.statements.title')}>
      <BackLink href="/kelola">{t('members.statements.title')}</BackLink>
      <h1>{t('members.statements.title')}</h1>
      <p>{notLinked ?? t('members.statements.choose')}</p>
      <ul class="list">
        {members.map((m) => (
          <li key={m.slug}>
            <a href={`/kelola/kegiatan/${m.slug}`}>{m.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function StatementsPage({
  ctx,
  csrf,
  member,
  items,
  errors,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  member: { slug: string; name: string };
  items: Activity[];
  errors: FieldErrors;
  notice: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t('members.statements.title')}: ${member.name}`}>
      <BackLink href="/kelola">{t('members.statements.title')}</BackLink>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{`${t('members.statements.title')}: ${member.name}`}</h1>
      <p>{t('members.statements.lead')}</p>
      <p>
        <a href={`/anggota/${member.slug}`}>{member.name}</a>
      </p>
      {items.length === 0 ? (
        <p>{t('members.activityNone')}</p>
      ) : (
        <ol class="timeline">
          {items.map((a, i) => (
            <li key={a.href} class="event">
              <p class="event-head">
                <span class="meta">
                  {formatDate(a.at, ctx.lang)} · {t(`members.activity.${a.kind}`)}
                </span>
                <br />
                <a href={a.href}>{a.title}</a>
              </p>
              <form method="post" action={`/kelola/kegiatan/${member.slug}`}>
                <CsrfField token={csrf} />
                <input type="hidden" name="activity" value={a.href} />
                <TextArea
                  name="statement"
                  id={`pernyataan-${i + 1}`}
                  label={t('members.statements.field', { title: a.title })}
                  value={a.statement ?? ''}
                  error={errors[`pernyataan-${i + 1}`]}
                  rows={2}
                  maxLength={280}
                />
                <Button variant="secondary">{t('members.statements.save')}</Button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
