/** /anggota/:slug: one member, whom they represent and where they sit in the council. */
import type { Dapil } from '../../council/service.ts';
import type { NewsPost } from '../../news/service.ts';
import { NewsSection } from '../../news/views/shared.tsx';
import { formatDate, formatNumber } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Avatar } from '../../platform/views/avatar.tsx';
import { BackLink, SummaryList } from '../../platform/views/components.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { ReportSummary } from '../../reses/service.ts';
import { figuresOf } from '../../reses/views/shared.tsx';
import type { Activity, YearCounts } from '../activity.ts';
import type { Member } from '../service.ts';
import { MemberCard } from './shared.tsx';

/** One timeline of what the member did, built from the records, with the year's counts. */
function ActivitySection({ ctx, activity }: { ctx: PageContext; activity: { items: Activity[]; counts: YearCounts } }) {
  const { t } = ctx;
  const c = activity.counts;
  return (
    <section aria-labelledby="kegiatan">
      <h2 id="kegiatan">{t('members.activity')}</h2>
      <p>
        {t('members.activityYear', {
          year: c.year,
          meetings: formatNumber(c.meetings, ctx.lang),
          hearings: formatNumber(c.hearings, ctx.lang),
          responses: formatNumber(c.responses, ctx.lang),
          visits: formatNumber(c.resesVisits, ctx.lang),
          news: formatNumber(c.news, ctx.lang),
        })}
      </p>
      {activity.items.length === 0 ? (
        <p>{t('members.activityNone')}</p>
      ) : (
        <ol class="timeline">
          {activity.items.map((a) => (
            <li key={`${a.kind}-${a.href}`} class="event">
              <p class="event-head">
                <span class="meta">
                  {formatDate(a.at, ctx.lang)} · {t(`members.activity.${a.kind}`)}
                </span>
                <br />
                <a href={a.href}>{a.title}</a>
              </p>
              {a.statement === undefined ? null : (
                <p class="event-body">
                  {t('members.statementOf')}: {a.statement}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export interface MemberPageProps {
  ctx: PageContext;
  member: Member;
  dapil: Dapil | undefined;
  colleagues: Member[];
  /** Recorded attendance at meetings; undefined while none is recorded anywhere. */
  attendance?:
    | {
        recorded: number;
        present: number;
        rate: number | null;
        attended: { id: number; title: string; startsAt: Date }[];
      }
    | undefined;
  /** The member's published reses reports. */
  reses?: ReportSummary[];
  /** The answers the member gave to citizens' aspirations: the latest few and how many in all. */
  responses?: { total: number; latest: { code: string; title: string; at: Date }[] } | undefined;
  /** Published news that names the member. */
  news?: NewsPost[];
  /** What the member did, newest first, and the year's counts. */
  activity?: { items: Activity[]; counts: YearCounts } | undefined;
}

export function MemberPage({
  ctx,
  member,
  dapil,
  colleagues,
  attendance,
  reses = [],
  responses = { total: 0, latest: [] },
  news = [],
  activity,
}: MemberPageProps) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={member.name}
      description={[
        member.fraksi?.name ?? member.party,
        member.komisi?.name,
        member.dapil === null ? undefined : `Dapil ${member.dapil}`,
      ]
        .filter(Boolean)
        .join(' · ')}
      jsonLd={{
        '@type': 'Person',
        name: member.name,
        url: `${ctx.origin}/anggota/${member.slug}`,
        jobTitle: t('members.jobTitle'),
        affiliation: member.party,
        ...(ctx.council === undefined
          ? {}
          : { memberOf: { '@type': 'GovernmentOrganization', name: ctx.council.name, url: ctx.origin } }),
      }}
    >
      <BackLink href="/anggota">{t('members.back')}</BackLink>
      <div class="profile">
        <Avatar name={member.name} label={t('members.photoOf', { name: member.name })} large />
        <div>
          <h1>{member.name}</h1>
          <p class="lead">{member.fraksi?.name ?? member.party}</p>
        </div>
      </div>
      <SummaryList>
        <dt>{t('members.party')}</dt>
        <dd>{member.party}</dd>
        {member.fraksi === null ? null : (
          <>
            <dt>{t('members.fraksi')}</dt>
            <dd>
              <a href={`/anggota?fraksi=${member.fraksi.slug}`}>{member.fraksi.name}</a>
              {member.fraksiRole === null ? null : ` (${member.fraksiRole})`}
            </dd>
          </>
        )}
        {dapil === undefined ? null : (
          <>
            <dt>{t('members.represents')}</dt>
            <dd>
              <a href={`/dapil?nomor=${dapil.number}`}>
                {t('members.dapilKecamatan', { n: dapil.number, list: dapil.kecamatan.map((k) => k.name).join(', ') })}
              </a>
            </dd>
          </>
        )}
        {member.komisi === null ? null : (
          <>
            <dt>{t('members.komisi')}</dt>
            <dd>
              <a href={`/anggota?komisi=${member.komisi.slug}`}>{member.komisi.name}</a>
              {member.komisi.field === null ? null : (
                <>
                  <br />
                  <span class="muted">
                    {t('members.komisiField')}: {member.komisi.field}
                  </span>
                </>
              )}
            </dd>
          </>
        )}
        <dt>{t('members.positions')}</dt>
        <dd>
          <ul>
            {member.positions.length === 0 ? <li>{t('members.noPositions')}</li> : null}
            {member.fraksiRole === null || member.fraksi === null ? null : (
              <li>{`${member.fraksiRole}, ${member.fraksi.name}`}</li>
            )}
            {member.positions.map((p) => (
              <li key={p.bodySlug}>{`${p.role}, ${p.body}`}</li>
            ))}
          </ul>
        </dd>
      </SummaryList>
      {member.biography === null ? null : <p>{member.biography}</p>}
      {activity === undefined ? null : <ActivitySection ctx={ctx} activity={activity} />}
      <section aria-labelledby="kehadiran">
        <h2 id="kehadiran">{t('members.attendance')}</h2>
        {attendance === undefined || attendance.rate === null ? (
          <p>{t('members.attendanceNone')}</p>
        ) : (
          <>
            <p>
              {t('members.attendanceRate', {
                rate: Math.round(attendance.rate * 100),
                present: attendance.present,
                n: attendance.recorded,
              })}
            </p>
            <ul>
              {attendance.attended.map((m) => (
                <li key={m.id}>
                  <a href={`/agenda/${m.id}`}>{m.title}</a> · {formatDate(m.startsAt, ctx.lang)}
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <a href={`/anggota/${member.slug}/agenda.ics`}>{t('members.calendar')}</a>
        </p>
      </section>
      <section aria-labelledby="tanggapan">
        <h2 id="tanggapan">{t('members.responses')}</h2>
        {responses.total === 0 ? (
          <p>{t('members.responsesNone')}</p>
        ) : (
          <>
            <p>{t('members.responsesCount', { n: responses.total })}</p>
            <ul>
              {responses.latest.map((r) => (
                <li key={`${r.code}-${r.at.getTime()}`}>
                  <a href={`/aspirasi/${r.code}`}>{r.title}</a> · {formatDate(r.at, ctx.lang)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {reses.length === 0 ? null : (
        <section aria-labelledby="reses">
          <h2 id="reses">{t('members.reses')}</h2>
          <ul>
            {reses.map((r) => (
              <li key={r.id}>
                <a href={`/reses/${r.id}`}>{r.period.name}</a>
                <br />
                <span class="meta">{figuresOf(ctx, r)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <NewsSection
        ctx={ctx}
        posts={news}
        heading={t('news.naming')}
        feed={`/berita.atom?anggota=${encodeURIComponent(member.slug)}`}
      />
      {dapil === undefined || colleagues.length === 0 ? null : (
        <section aria-labelledby="colleagues">
          <h2 id="colleagues">{t('members.otherFromDapil', { n: dapil.number })}</h2>
          <ul class="grid three">
            {colleagues.map((m) => (
              <MemberCard key={m.slug} ctx={ctx} member={m} heading="h3" />
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
