/** What other pages show of the news: a short list of posts (home, a meeting, a member). */
import { formatDate } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import type { NewsPost } from '../service.ts';

export function NewsItems({ ctx, posts }: { ctx: PageContext; posts: NewsPost[] }) {
  const { t } = ctx;
  return (
    <ul class="list">
      {posts.map((p) => (
        <li key={p.id}>
          <a href={`/berita/${p.slug}`}>{p.title}</a>
          <br />
          <span class="meta">
            {t(`news.category.${p.category}`)} · {p.publishedAt === null ? '' : formatDate(p.publishedAt, ctx.lang)}
          </span>
          <p>{p.summary}</p>
        </li>
      ))}
    </ul>
  );
}

/** A section of news about the page's subject, with its heading; nothing when there is none. */
export function NewsSection({
  ctx,
  posts,
  heading,
  feed,
}: {
  ctx: PageContext;
  posts: NewsPost[];
  heading: string;
  feed?: string;
}) {
  if (posts.length === 0) return null;
  return (
    <section aria-labelledby="berita-terkait">
      <h2 id="berita-terkait">{heading}</h2>
      <NewsItems ctx={ctx} posts={posts} />
      {feed === undefined ? null : (
        <p>
          <a href={feed}>{ctx.t('news.feed')}</a>
        </p>
      )}
    </section>
  );
}
