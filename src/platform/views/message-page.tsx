/** A page that says one thing: a heading, a sentence and perhaps a link onwards. */
import type { PageContext } from '../page-context.ts';
import { Layout } from './layout.tsx';

export function MessagePage({
  ctx,
  title,
  body,
  link,
}: {
  ctx: PageContext;
  title: string;
  body: string;
  link?: { href: string; text: string };
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      {link === undefined ? null : (
        <p>
          <a href={link.href}>{link.text}</a>
        </p>
      )}
    </Layout>
  );
}
