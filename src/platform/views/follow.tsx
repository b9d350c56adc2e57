/** The "follow by email" box of a page (a draft, a project): one address, confirmed by a mailed link. */
import type { PageContext } from '../page-context.ts';
import { CsrfField, ErrorSummary, TextField } from './form.tsx';

export function FollowForm({
  ctx,
  csrf,
  action,
  title,
  lead,
  button,
  error,
}: {
  ctx: PageContext;
  csrf: string;
  action: string;
  title: string;
  lead: string;
  button: string;
  error: string | undefined;
}) {
  return (
    <section aria-labelledby="ikuti">
      <h2 id="ikuti">{title}</h2>
      <p>{lead}</p>
      <ErrorSummary ctx={ctx} errors={error === undefined ? {} : { 'follow-email': error }} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="follow-email"
          type="email"
          label={ctx.t('aspiration.field.email')}
          error={error}
          autocomplete="email"
          maxLength={320}
        />
        <button type="submit">{button}</button>
      </form>
    </section>
  );
}
