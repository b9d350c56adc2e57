/** /dapil: "which dapil am I in?" from a kelurahan, and every dapil with its kecamatan. */

import { WhatIs } from '../../glossary/views/shared.tsx';
import type { Member } from '../../members/service.ts';
import { MemberCard } from '../../members/views/shared.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { Banner } from '../../platform/views/components.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableWrap } from '../../platform/views/table-wrap.tsx';
import type { CouncilStructure, DapilLookup } from '../service.ts';
import { KelurahanForm } from './shared.tsx';

export interface DapilPageProps {
  ctx: PageContext;
  structure: Pick<CouncilStructure, 'dapil' | 'kecamatan'>;
  chosen: string;
  lookup: DapilLookup | undefined;
  members: Member[];
}

export function DapilPage({ ctx, structure, chosen, lookup, members }: DapilPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('dapil.title')} description={t('dapil.lead')}>
      <h1>{t('dapil.title')}</h1>
      <p class="lead">{t('dapil.lead')}</p>
      <WhatIs ctx={ctx} slug="dapil" word="dapil" />
      <div class="panel">
        <KelurahanForm ctx={ctx} structure={structure} chosen={chosen} />
      </div>
      {lookup === undefined ? null : lookup.found ? (
        <section aria-labelledby="hasil">
          <Banner tone="success">
            <p id="hasil">
              {lookup.kelurahan === undefined
                ? t('dapil.resultKecamatan', { kecamatan: lookup.kecamatan.name, n: lookup.dapil.number })
                : t('dapil.result', {
                    kelurahan: lookup.kelurahan.name,
                    kecamatan: lookup.kecamatan.name,
                    n: lookup.dapil.number,
                  })}
            </p>
          </Banner>
          <h2>{t('dapil.yourMembers', { n: lookup.dapil.number })}</h2>
          <ul class="grid three">
            {members.map((m) => (
              <MemberCard key={m.slug} ctx={ctx} member={m} heading="h3" />
            ))}
          </ul>
        </section>
      ) : (
        <Banner tone="error">
          <p>{t('dapil.notFound')}</p>
        </Banner>
      )}
      <h2>{t('dapil.all')}</h2>
      <TableWrap label={t('dapil.all')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('members.dapil')}</th>
              <th scope="col">{t('dapil.kecamatanList')}</th>
              <th scope="col">{t('nav.members')}</th>
            </tr>
          </thead>
          <tbody>
            {structure.dapil.map((d) => (
              <tr key={d.number}>
                <th scope="row">
                  <a href={`/dapil?nomor=${d.number}`}>{t('dapil.name', { n: d.number })}</a>
                </th>
                <td>{d.kecamatan.map((k) => k.name).join(', ')}</td>
                <td>
                  <a href={`/anggota?dapil=${d.number}`}>{t('dapil.seats', { n: d.seats })}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}
