/** The home page: who the council is, who represents me, and how the council splits its work. */

import { SendOrTrack, StatusBadge } from '../../aspirations/views/shared.tsx';
import type { CouncilStructure } from '../../council/service.ts';
import { KelurahanForm } from '../../council/views/shared.tsx';
import type { AspirationStatus } from '../../db/schema.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Layout } from '../../platform/views/layout.tsx';

export interface HomePageProps {
  ctx: PageContext;
  structure: Pick<CouncilStructure, 'council' | 'dapil' | 'kecamatan' | 'fraksi' | 'komisi'>;
  /** The newest aspirations the council answered. */
  answered: { code: string; title: string; status: AspirationStatus; answer: string | null }[];
}

export function HomePage({ ctx, structure, answered }: HomePageProps) {
  const { t } = ctx;
  const { council } = structure;
  return (
    <Layout
      ctx={ctx}
      title={t('home.title')}
      description={t('home.lead', {
        council: council.name,
        period: council.period,
        seats: council.seats,
        dapilCount: structure.dapil.length,
        fraksiCount: structure.fraksi.length,
      })}
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
      <p class="lead">
        {t('home.lead', {
          council: council.name,
          period: council.period,
          seats: council.seats,
          dapilCount: structure.dapil.length,
          fraksiCount: structure.fraksi.length,
        })}
      </p>
      <section class="panel" aria-labelledby="suara">
        <h2 id="suara">{t('home.speak')}</h2>
        <p>{t('home.speakLead')}</p>
        <SendOrTrack ctx={ctx} />
      </section>
      {answered.length === 0 ? null : (
        <section aria-labelledby="dijawab">
          <h2 id="dijawab">{t('home.answered')}</h2>
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
        </section>
      )}
      <section class="panel" aria-labelledby="wakil">
        <h2 id="wakil">{t('home.findDapil')}</h2>
        <p>{t('home.findDapilLead')}</p>
        <KelurahanForm ctx={ctx} structure={structure} chosen="" />
      </section>
      <section aria-labelledby="komisi">
        <h2 id="komisi">{t('home.komisi')}</h2>
        <p>{t('home.komisiLead')}</p>
        <ul class="grid">
          {structure.komisi.map((k) => (
            <li key={k.slug} class="card">
              <div>
                <h3>
                  <a href={`/anggota?komisi=${k.slug}`}>{k.name}</a>
                </h3>
                {k.field === null ? null : <p>{k.field}</p>}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="fraksi">
        <h2 id="fraksi">{t('home.fraksi')}</h2>
        <ul class="grid three">
          {structure.fraksi.map((f) => (
            <li key={f.slug} class="card">
              <div>
                <h3>
                  <a href={`/anggota?fraksi=${f.slug}`}>{f.name}</a>
                </h3>
                <p>
                  {t('home.seats', { n: f.seats })} · {f.parties.join(', ')}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ikut">
        <h2 id="ikut">{t('home.takePart')}</h2>
        <p>{t('home.takePartLead')}</p>
        <p>
          <a class="button" href="/anggota">
            {t('home.members')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
