/** /anggota: every member, filtered by dapil, fraksi and komisi with a plain GET form. */
import type { CouncilStructure } from '../../council/service.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { SelectField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Member } from '../service.ts';
import { MemberCard } from './shared.tsx';

export interface MembersPageProps {
  ctx: PageContext;
  structure: Pick<CouncilStructure, 'dapil' | 'fraksi' | 'komisi'>;
  filter: { dapil: string; fraksi: string; komisi: string };
  members: Member[];
  total: number;
}

export function MembersPage({ ctx, structure, filter, members, total }: MembersPageProps) {
  const { t } = ctx;
  const filtered = filter.dapil !== '' || filter.fraksi !== '' || filter.komisi !== '';
  return (
    <Layout ctx={ctx} title={t('members.title')} description={t('members.lead', { n: total })}>
      <h1>{t('members.title')}</h1>
      <form class="panel" method="get" action="/anggota" data-module="auto-submit" aria-labelledby="filter-title">
        <h2 id="filter-title" class="visually-hidden">
          {t('members.filter')}
        </h2>
        <div class="filters">
          <SelectField
            name="dapil"
            id="filter-dapil"
            label={t('members.dapil')}
            empty={t('members.all')}
            value={filter.dapil}
            options={structure.dapil.map((d) => ({ value: String(d.number), label: t('dapil.name', { n: d.number }) }))}
          />
          <SelectField
            name="fraksi"
            id="filter-fraksi"
            label={t('members.fraksi')}
            empty={t('members.all')}
            value={filter.fraksi}
            options={structure.fraksi.map((f) => ({ value: f.slug, label: f.name }))}
          />
          <SelectField
            name="komisi"
            id="filter-komisi"
            label={t('members.komisi')}
            empty={t('members.all')}
            value={filter.komisi}
            options={structure.komisi.map((k) => ({ value: k.slug, label: k.name }))}
          />
          <div class="actions">
            <button type="submit">{t('members.apply')}</button>
            {filtered ? <a href="/anggota">{t('members.reset')}</a> : null}
          </div>
        </div>
      </form>
      <p role="status" id="member-count">
        {members.length === 0 ? t('members.none') : t('members.count', { shown: members.length, total })}
      </p>
      <ul class="grid three" aria-labelledby="member-count">
        {members.map((m) => (
          <MemberCard key={m.slug} ctx={ctx} member={m} />
        ))}
      </ul>
    </Layout>
  );
}
