/**
 * The home page tells the council's story in the order a citizen asks: what happens this week,
 * what people raised and what the council answered, what is open to take part in, where the
 * money goes, what is being built near me, and who represents me.
 */

import type { MeetingView } from '../../agenda/service.ts';
import { shownTitle } from '../../agenda/views/shared.tsx';
import { SendOrTrack, StatusBadge } from '../../aspirations/views/shared.tsx';
import type { Consultation } from '../../consultations/service.ts';
import { OpenConsultations } from '../../consultations/views/shared.tsx';
import type { CouncilStructure } from '../../council/service.ts';
import { KelurahanForm } from '../../council/views/shared.tsx';
import type { AspirationStatus, BudgetStage, RaperdaStage } from '../../db/schema.ts';
import type { NewsPost } from '../../news/service.ts';
import { NewsItems } from '../../news/views/shared.tsx';
import { formatDate, formatNumber, formatRupiahWords, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Banner, SummaryList } from '../../platform/views/components.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { LocationField } from '../../platform/views/place-fields.tsx';
import type { Session } from '../../training/service.ts';
import { NextClasses } from '../../training/views/shared.tsx';

export interface HomePageProps {
  ctx: PageContext;
  structure: Pick<CouncilStructure, 'council' | 'dapil' | 'kecamatan' | 'fraksi' | 'komisi'>;
  /** Meetings going on now. */
  live: MeetingView[];
  /** The next meetings of the coming seven days. */
  next: MeetingView[];
  /** This month: aspirations received and answered. */
  month: { received: number; answered: number };
  /** The newest aspirations the council answered. */
  answered: { code: string; title: string; status: AspirationStatus; answer: string | null }[];
  /** Consultations open for comments, soonest closing first. */
  consultations: Consultation[];
  /** The next classes for citizens (digital literacy), soonest first. */
  classes: Session[];
  /** The newest three published news posts. */
  news: NewsPost[];
  /** Draft regulations being written or debated, to follow. */
  drafts: { id: number; title: string; stage: RaperdaStage }[];
  /** The budget /anggaran opens on. */
  money: { year: number; stage: BudgetStage; revenue: number; spending: number; spent: number } | undefined;
}

function MeetingLine({ ctx, m }: { ctx: PageContext; m: MeetingView }) {
  return (
    <li>
      <a href={`/agenda/${m.id}`}>{shownTitle(ctx, m)}</a>
      <br />
      {`${formatDate(m.startsAt, ctx.lang)}, ${formatTime(m.startsAt, ctx.lang)}`}
      {m.body === undefined ? null : ` · ${m.body.name}`}
    </li>
  );
}

export function HomePage({
  ctx,
  structure,
  live,
  next,
  month,
  answered,
  consultations,
  classes,
  news,
  drafts,
  money,
}: HomePageProps) {
  const { t, lang } = ctx;
  const { council } = structure;
  const lead = t('home.lead', {
    council: council.name,
    period: council.period,
    seats: council.seats,
    dapilCount: structure.dapil.length,
    fraksiCount: structure.fraksi.length,
  });
  return (
    <Layout
      ctx={ctx}
      title={t('home.title')}
      description={lead}
      jsonLd={{
        '@type': 'GovernmentOrganization',
        name: council.name,
        url: ctx.origin,
        address: council.address,
        ...(council.email === null ? {} : { email: council.email }),
        ...(council.phone === null ? {} : { telephone: council.phone }),
        areaServed: council.region_name,
      }}
    >
      <h1>{council.name}</h1>
      <p class="lead">{lead}</p>

      <section aria-labelledby="minggu-ini">
        <h2 id="minggu-ini">{t('home.week')}</h2>
        {live.length === 0 ? null : (
          <Banner tone="important" title={t('home.liveNow')} level={3} id="langsung">
            <ul class="list">
              {live.map((m) => (
                <li key={m.id}>
                  <a href={`/agenda/${m.id}`}>{shownTitle(ctx, m)}</a>
                  {m.details?.livestreamUrl == null ? null : (
                    <>
                      {' · '}
                      <a href={m.details.livestreamUrl}>{t('home.watch')}</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </Banner>
        )}
        {next.length === 0 ? (
          <p>{t('home.noMeetings')}</p>
        ) : (
          <ul class="list">
            {next.map((m) => (
              <MeetingLine key={m.id} ctx={ctx} m={m} />
            ))}
          </ul>
        )}
        <p>
          <a href="/agenda">{t('home.allMeetings')}</a>
        </p>
      </section>

      <section class="panel" aria-labelledby="suara">
        <h2 id="suara">{t('home.voices')}</h2>
        <p class="figures">
          {t('home.month', {
            received: formatNumber(month.received, lang),
            answered: formatNumber(month.answered, lang),
          })}
        </p>
        {answered.length === 0 ? null : (
          <>
            <h3>{t('home.answered')}</h3>
            <ul class="list">
              {answered.map((a) => (
                <li key={a.code}>
                  <a href={`/aspirasi/${a.code}`}>{a.title}</a> <StatusBadge ctx={ctx} status={a.status} />
                  {a.answer === null ? null : (
                    <p class="meta">{a.answer.length > 160 ? `${a.answer.slice(0, 157)}…` : a.answer}</p>
                  )}
                </li>
              ))}
            </ul>
            <p>
              <a href="/aspirasi">{t('aspiration.list.back')}</a>
            </p>
          </>
        )}
        <p>{t('home.speakLead')}</p>
        <SendOrTrack ctx={ctx} />
      </section>

      {news.length === 0 ? null : (
        <section aria-labelledby="berita">
          <h2 id="berita">{t('news.latest')}</h2>
          <NewsItems ctx={ctx} posts={news} />
          <p>
            <a href="/berita">{t('news.all')}</a>
          </p>
        </section>
      )}

      {consultations.length === 0 ? null : <OpenConsultations ctx={ctx} consultations={consultations.slice(0, 3)} />}

      {classes.length === 0 ? null : <NextClasses ctx={ctx} classes={classes} />}

      {drafts.length === 0 ? null : (
        <section aria-labelledby="ikut">
          <h2 id="ikut">{t('home.takePart')}</h2>
          <p>{t('home.takePartLead')}</p>
          <ul class="list">
            {drafts.map((d) => (
              <li key={d.id}>
                <a href={`/raperda/${d.id}`}>{d.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {money === undefined ? null : (
        <section aria-labelledby="uang">
          <h2 id="uang">{t('home.money', { year: money.year })}</h2>
          <SummaryList>
            <dt>{t('home.revenue')}</dt>
            <dd>{formatRupiahWords(money.revenue, lang)}</dd>
            <dt>{t('home.spending')}</dt>
            <dd>
              {formatRupiahWords(money.spending, lang)}
              {money.spent > 0 ? ` · ${t('home.spent', { amount: formatRupiahWords(money.spent, lang) })}` : null}
            </dd>
          </SummaryList>
          <p>
            <a href="/anggaran">{t('home.moneyMore')}</a>
          </p>
        </section>
      )}

      <section class="panel" aria-labelledby="dekat">
        <h2 id="dekat">{t('home.near')}</h2>
        <form method="get" action="/proyek/dekat" class="actions">
          <LocationField ctx={ctx} places={structure.kecamatan} value={undefined} error={undefined} />
          <button type="submit">{t('home.nearButton')}</button>
        </form>
      </section>

      <section class="panel" aria-labelledby="wakil">
        <h2 id="wakil">{t('home.findDapil')}</h2>
        <p>{t('home.findDapilLead')}</p>
        <KelurahanForm ctx={ctx} structure={structure} chosen="" />
        <h3>{t('home.komisi')}</h3>
        <ul class="columns">
          {structure.komisi.map((k) => (
            <li key={k.slug}>
              <a href={`/anggota?komisi=${k.slug}`}>{k.name}</a>
              {k.field === null ? null : <span class="meta">{` · ${k.field}`}</span>}
            </li>
          ))}
        </ul>
        <h3>{t('home.fraksi')}</h3>
        <ul class="columns">
          {structure.fraksi.map((f) => (
            <li key={f.slug}>
              <a href={`/anggota?fraksi=${f.slug}`}>{f.name}</a>
              <span class="meta">{` · ${t('home.seats', { n: f.seats })}`}</span>
            </li>
          ))}
        </ul>
        <p>
          <a href="/anggota">{t('home.members')}</a>
        </p>
      </section>
    </Layout>
  );
}
