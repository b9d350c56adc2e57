/** /istilah: the council's words explained, each with an anchor other pages link to. */
import type { PageContext } from '../../platform/page-context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Term } from '../terms.ts';

export function GlossaryPage({ ctx, terms }: { ctx: PageContext; terms: readonly Term[] }) {
  const { t } = ctx;
  const bySlug = new Map(terms.map((term) => [term.slug, term]));
  return (
    <Layout ctx={ctx} title={t('glossary.title')} description={t('glossary.lead')}>
      <h1>{t('glossary.title')}</h1>
      <p class="lead">{t('glossary.lead')}</p>
      <nav aria-label={t('glossary.jump')}>
        <p>
          {terms.map((term, i) => (
            <span key={term.slug}>
              {i > 0 ? ' · ' : ''}
              <a href={`#${term.slug}`}>{term.term}</a>
            </span>
          ))}
        </p>
      </nav>
      <ul class="list">
        {terms.map((term) => (
          <li key={term.slug} id={term.slug}>
            <h2>
              {term.term}
              {term.expansion === undefined ? null : <span class="muted"> ({term.expansion})</span>}
            </h2>
            <p>{term.meaning[ctx.lang]}</p>
            {term.where === undefined ? null : (
              <p>
                {t('glossary.where')}: <a href={term.where}>{term.where}</a>
              </p>
            )}
            {term.seeAlso === undefined ? null : (
              <p>
                {t('glossary.seeAlso')}:{' '}
                {term.seeAlso.map((slug, i) => (
                  <span key={slug}>
                    {i > 0 ? ', ' : ''}
                    <a href={`#${slug}`}>{bySlug.get(slug)?.term ?? slug}</a>
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href="/aspirasi/baru">{t('glossary.missing')}</a>
      </p>
    </Layout>
  );
}
