/** A page that explains, in the reader's language, why they did not get what they asked for. */
import type { PageContext } from '../page-context.ts';
import { Layout } from './layout.tsx';

export function ErrorPage({ ctx, title, body }: { ctx: PageContext; title: string; body: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{ctx.t('error.home')}</a>
      </p>
    </Layout>
  );
}
