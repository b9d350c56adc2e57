/** /api/docs: the OpenAPI document made readable, with no script and no outside resource. */
import type { PageContext } from '../../platform/page-context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { TableWrap } from '../../platform/views/table-wrap.tsx';

export interface DocParameter {
  name: string;
  in: string;
  type: string;
  required: boolean;
  description: string;
}

export interface DocOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  parameters: DocParameter[];
  responses: { status: string; description: string }[];
}

export function DocsPage({
  ctx,
  operations,
  baseUrl,
}: {
  ctx: PageContext;
  operations: DocOperation[];
  baseUrl: string;
}) {
  const { t } = ctx;
  const tags = [...new Set(operations.map((o) => o.tag))];
  // An id holds no space: "Open data" → "tag-open-data".
  const tagId = (tag: string) => `tag-${tag.toLowerCase().replace(/\s+/g, '-')}`;
  const [before, after] = t('api.lead', { council: ctx.council?.name ?? 'Dewan Terbuka', link: '\u0000' }).split(
    '\u0000',
  );
  return (
    <Layout ctx={ctx} title={t('api.title')}>
      <h1>{t('api.title')}</h1>
      <p class="lead">
        {before}
        <a href="/api/openapi.json">/api/openapi.json</a>
        {after}
      </p>
      <nav aria-label={t('api.title')}>
        <ul lang="en">
          {operations.map((o) => (
            <li key={o.id}>
              <a href={`#${o.id}`}>
                <code>{`${o.method} ${o.path}`}</code>
              </a>{' '}
              {o.summary}
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        // The operations are described in English, whatever the language of the page around them.
        <section key={tag} aria-labelledby={tagId(tag)} lang="en">
          <h2 id={tagId(tag)}>{tag}</h2>
          {operations
            .filter((o) => o.tag === tag)
            .map((o) => (
              <article key={o.id} id={o.id} class="panel">
                <h3>
                  <span class="method">{o.method}</span>
                  <code>{o.path}</code>
                </h3>
                <p>{o.summary}</p>
                <p>
                  <code>{`curl ${baseUrl}${o.path}`}</code>
                </p>
                {o.parameters.length === 0 ? null : (
                  <TableWrap label={`${t('api.parameters')}: ${o.method} ${o.path}`}>
                    <table>
                      <caption class="visually-hidden">{`${t('api.parameters')}: ${o.method} ${o.path}`}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('api.name')}</th>
                          <th scope="col">{t('api.in')}</th>
                          <th scope="col">{t('api.type')}</th>
                          <th scope="col">{t('api.required')}</th>
                          <th scope="col">{t('api.description')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {o.parameters.map((p) => (
                          <tr key={`${p.in}-${p.name}`}>
                            <td>
                              <code>{p.name}</code>
                            </td>
                            <td>{p.in}</td>
                            <td>{p.type}</td>
                            <td>{p.required ? t('api.yes') : t('api.no')}</td>
                            <td>{p.description}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                )}
                <h4>{t('api.responses')}</h4>
                <ul>
                  {o.responses.map((r) => (
                    <li key={r.status}>
                      <code>{r.status}</code> {r.description}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
        </section>
      ))}
    </Layout>
  );
}
