/** News for everyone: the list with its filters and search, and one post with its photos. */
import { formatDate, formatNumber } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Banner, Button } from '../../platform/views/components.tsx';
import { FilterSearch, FilterSelect } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { filteredLink, Pager } from '../../platform/views/pager.tsx';
import { CATEGORIES, type NewsPhoto, type NewsPost, PAGE_SIZE } from '../service.ts';
import { NewsItems } from './shared.tsx';

export function NewsListPage({
  ctx,
  posts,
  total,
  page,
  query,
}: {
  ctx: PageContext;
  posts: NewsPost[];
  total: number;
  page: number;
  query: { kategori: string; q: string };
}) {
  const { t } = ctx;
  const feed = query.kategori === '' ? '/berita.atom' : `/berita.atom?kategori=${query.kategori}`;
  return (
    <Layout ctx={ctx} title={t('news.title')} description={t('news.lead')}>
      <h1>{t('news.title')}</h1>
      <p>{t('news.lead')}</p>
      <form method="get" action="/berita" class="filters">
        <FilterSearch label={t('news.search')} value={query.q} />
        <FilterSelect
          ctx={ctx}
          name="kategori"
          label={t('news.category')}
          value={query.kategori}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
        />
        <Button variant="secondary">{t('news.searchButton')}</Button>
      </form>
      <p class="meta">{t('news.found', { n: formatNumber(total, ctx.lang) })}</p>
      {posts.length === 0 ? <p>{t('news.none')}</p> : <NewsItems ctx={ctx} posts={posts} />}
      <Pager
        ctx={ctx}
        page={page}
        pages={Math.ceil(total / PAGE_SIZE)}
        href={(n) => filteredLink('/berita', query, { hal: String(n) })}
      />
      <p>
        <a href={feed}>{t('news.feed')}</a>
      </p>
    </Layout>
  );
}

function Photo({ photo, alt, eager }: { photo: NewsPhoto; alt: string; eager?: boolean }) {
  const width = Math.min(photo.width, 480);
  return (
    <img
      src={`/berita/foto/${photo.id}-kecil`}
      srcset={`/berita/foto/${photo.id}-kecil ${width}w, /berita/foto/${photo.id} ${photo.width}w`}
      sizes="(max-width: 48rem) 100vw, 48rem"
      alt={alt}
      width={width}
      height={Math.round((width / photo.width) * photo.height)}
      loading={eager === true ? undefined : 'lazy'}
    />
  );
}

export function NewsPostPage({
  ctx,
  post,
  preview,
  jsonLd,
}: {
  ctx: PageContext;
  post: NewsPost;
  preview: boolean;
  jsonLd: Record<string, unknown>;
}) {
  const { t } = ctx;
  const [lead, ...gallery] = post.photos;
  return (
    <Layout
      ctx={ctx}
      title={post.title}
      description={post.summary}
      jsonLd={jsonLd}
      preview={{
        type: 'article',
        image: lead === undefined ? undefined : `${ctx.origin}/berita/foto/${lead.id}`,
        published: post.publishedAt,
      }}
    >
      <article class="news">
        {preview ? (
          <Banner tone="important">
            <p>{t('news.preview')}</p>
          </Banner>
        ) : null}
        <p class="meta">
          <a href={`/berita?kategori=${post.category}`}>{t(`news.category.${post.category}`)}</a>
        </p>
        <h1>{post.title}</h1>
        <p class="lead">{post.summary}</p>
        <p class="meta">
          {post.publishedAt === null ? null : t('news.published', { date: formatDate(post.publishedAt, ctx.lang) })}
          {post.correctedAt === null ? null : (
            <>
              <br />
              {t('news.corrected', { date: formatDate(post.correctedAt, ctx.lang), note: post.correction ?? '' })}
            </>
          )}
        </p>
        {lead === undefined ? null : (
          <figure>
            <Photo photo={lead} alt={post.photoAlt} eager />
            <figcaption>{post.photoAlt}</figcaption>
          </figure>
        )}
        {/* Written out by platform/rich-text.ts from the tree it read: only the allowed tags, escaped. */}
        <div class="rich-text" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        {gallery.length === 0 ? null : (
          <section aria-labelledby="galeri">
            <h2 id="galeri">{t('news.gallery')}</h2>
            <ul class="photos">
              {gallery.map((photo, i) => (
                <li key={photo.id}>
                  <a href={`/berita/foto/${photo.id}`}>
                    <Photo photo={photo} alt={`${t('news.gallery')} ${i + 1}: ${post.title}`} />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {post.meetings.length === 0 ? null : (
          <section aria-labelledby="rapat-terkait">
            <h2 id="rapat-terkait">{t('news.meetings')}</h2>
            <ul>
              {post.meetings.map((m) => (
                <li key={m.id}>
                  <a href={`/agenda/${m.id}`}>{m.title}</a> · {formatDate(m.startsAt, ctx.lang)}
                </li>
              ))}
            </ul>
          </section>
        )}
        {post.related.length === 0 ? null : (
          <section aria-labelledby="terkait">
            <h2 id="terkait">{t('news.related')}</h2>
            <ul>
              {post.related.map((r) => {
                const title =
                  r.enacted === undefined
                    ? r.title
                    : t('news.related.regulationName', {
                        number: r.enacted.number,
                        year: r.enacted.year,
                        title: r.title,
                      });
                return (
                  <li key={`${r.kind}-${r.id}`}>
                    {t(`news.related.${r.kind}`)}:{' '}
                    {r.href === undefined ? (
                      <>
                        {title} ({t('news.related.notOpen')})
                      </>
                    ) : (
                      <a href={r.href}>{title}</a>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        {post.members.length === 0 ? null : (
          <section aria-labelledby="anggota-disebut">
            <h2 id="anggota-disebut">{t('news.members')}</h2>
            <ul>
              {post.members.map((m) => (
                <li key={m.id}>
                  <a href={`/anggota/${m.slug}`}>{m.name}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {post.tags.length === 0 ? null : (
          <p class="meta">
            {t('news.tags')}:{' '}
            {post.tags.map((tag, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a href={`/berita?q=${encodeURIComponent(tag)}`}>{tag}</a>
              </>
            ))}
          </p>
        )}
        <p>
          <a href="/berita">{t('news.all')}</a> ·{' '}
          <a href={`/berita.atom?kategori=${post.category}`}>{t('news.feed')}</a>
        </p>
      </article>
    </Layout>
  );
}
