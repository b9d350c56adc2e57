/** /data: the catalogue of open datasets, each with its licence, metadata and downloads. */
import { formatDate } from '../../platform/format.ts';
import { type MessageKey, textOf } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { SummaryList } from '../../platform/views/components.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { formats, LICENCE, type Package } from '../service.ts';

const extraTexts = {
  frekuensi: 'data.extra.frekuensi',
  kode_wilayah: 'data.extra.kode_wilayah',
  wilayah: 'data.extra.wilayah',
} as const satisfies Record<string, MessageKey>;

export function CataloguePage({
  ctx,
  packages,
  columns,
}: {
  ctx: PageContext;
  packages: Package[];
  columns: Record<string, { name: string; description: string }[]>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('data.title')} description={t('data.lead')}>
      <h1>{t('data.title')}</h1>
      <p class="lead">{t('data.lead')}</p>
      <p>
        {t('data.licence')} <a href={LICENCE.url}>{LICENCE.title}</a>. {t('data.ckan')}{' '}
        <code>/api/3/action/package_search</code>
      </p>
      <ul class="list">
        {packages.map((p) => (
          <li key={p.name} id={p.name}>
            <h2>{p.title}</h2>
            <p>{p.notes}</p>
            <p>
              {t('data.download')}{' '}
              {formats.map((f, i) => (
                <span key={f}>
                  {i > 0 ? ' · ' : ''}
                  <a href={`/data/${p.name}.${f}`}>{f.toUpperCase()}</a>
                </span>
              ))}
            </p>
            <SummaryList>
              <div>
                <dt>{t('data.modified')}</dt>
                <dd>{formatDate(new Date(p.metadata_modified), ctx.lang)}</dd>
              </div>
              <div>
                <dt>{t('data.publisher')}</dt>
                <dd>{p.organization.title}</dd>
              </div>
              {p.extras.map((e) =>
                e.key === 'kolom' ? null : (
                  <div key={e.key}>
                    <dt>{textOf(t, extraTexts, e.key)}</dt>
                    <dd>{e.value}</dd>
                  </div>
                ),
              )}
              <div>
                <dt>{t('data.tags')}</dt>
                <dd>{p.tags.map((tag) => tag.name).join(', ')}</dd>
              </div>
            </SummaryList>
            <details>
              <summary>{t('data.columns')}</summary>
              <ul>
                {(columns[p.name] ?? []).map((c) => (
                  <li key={c.name}>
                    <code>{c.name}</code>: {c.description}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
