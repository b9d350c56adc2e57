/**
 * The "follow by email" box of a page (a draft, a project): one address, confirmed by a mailed
 * link; and, where the browser can take notifications, a button to follow on this phone by push.
 */
import type { PageContext } from '../page-context.ts';
import type { Subject } from '../subscriptions.ts';
import { Button } from './components.tsx';
import { CsrfField, ErrorSummary, TextField } from './form.tsx';

/**
 * "Notify me on this phone": shown by its script (client/modules/push-follow.ts) only where the
 * browser has push and the portal has keys; it asks the browser, then sends the subscription.
 */
export function PushButton({
  ctx,
  csrf,
  follow,
  queue,
}: {
  ctx: PageContext;
  csrf: string;
  follow?: Subject | undefined;
  queue?: boolean | undefined;
}) {
  if (ctx.pushKey === undefined) return null;
  const { t } = ctx;
  return (
    <div
      class="push-follow"
      hidden
      data-module="push-follow"
      data-key={ctx.pushKey}
      data-csrf={csrf}
      data-follow={follow === undefined ? undefined : `${follow.type}:${follow.id}`}
      data-queue={queue === true ? 'yes' : undefined}
      data-done={t('push.done')}
      data-refused={t('push.refused')}
      data-failed={t('push.failed')}
    >
      <Button type="button" variant="secondary">
        {queue === true ? t('push.queue') : t('push.follow')}
      </Button>
      <p class="hint" role="status" />
    </div>
  );
}

export function FollowForm({
  ctx,
  csrf,
  action,
  title,
  lead,
  button,
  error,
  follow,
}: {
  ctx: PageContext;
  csrf: string;
  action: string;
  title: string;
  lead: string;
  button: string;
  error: string | undefined;
  /** What the page is: browsers that can may follow it by push too. */
  follow?: Subject | undefined;
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
      {follow === undefined ? null : <PushButton ctx={ctx} csrf={csrf} follow={follow} />}
    </section>
  );
}
