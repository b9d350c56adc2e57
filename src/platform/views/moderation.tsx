/**
 * The two forms every place where citizens write in public shares (consultation comments, forum
 * posts): reporting something to the moderators, and a moderator's decision on it — hide with a
 * reason that is shown in its place, or let it be. The words are the platform's, so a person sees
 * the same form wherever they are.
 */
import type { PageContext } from '../page-context.ts';
import { Button } from './components.tsx';
import { CsrfField, TextArea, TextField } from './form.tsx';

/** Reporting a text that breaks the rules: one reason, sent to the moderators. */
export function ReportForm({
  ctx,
  csrf,
  action,
  reason,
  error,
}: {
  ctx: PageContext;
  csrf: string;
  action: string;
  reason: string | undefined;
  error: string | undefined;
}) {
  const { t } = ctx;
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={csrf} />
      <TextArea
        name="reason"
        label={t('moderation.reportReason')}
        hint={t('moderation.reportHint')}
        value={reason}
        error={error}
        rows={3}
        maxLength={500}
      />
      <Button variant="secondary">{t('moderation.reportSend')}</Button>
    </form>
  );
}

/**
 * A moderator's decision on one text: hide it (the reason is required and shown publicly), or the
 * other way out — dismiss the reports, or let a held text through.
 */
export function ModerationDecision({
  ctx,
  csrf,
  action,
  fieldId,
  other,
  reason,
  error,
}: {
  ctx: PageContext;
  csrf: string;
  action: string;
  /** The reason field's id, unique on the page (a queue holds many): "reason-12". */
  fieldId: string;
  other: 'dismiss' | 'approve';
  reason: string | undefined;
  error: string | undefined;
}) {
  const { t } = ctx;
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={csrf} />
      <TextField
        name="reason"
        id={fieldId}
        label={t('moderation.reason')}
        hint={t('moderation.reasonHint')}
        value={reason}
        error={error}
        maxLength={300}
      />
      <p class="actions">
        <Button variant="warning" name="action" value="hide">
          {t('moderation.hide')}
        </Button>
        <Button variant="secondary" name="action" value={other}>
          {t(other === 'approve' ? 'moderation.approve' : 'moderation.dismiss')}
        </Button>
      </p>
    </form>
  );
}

/** Showing a hidden text again, from its own page. */
export function RestoreForm({ ctx, csrf, action }: { ctx: PageContext; csrf: string; action: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={csrf} />
      <input type="hidden" name="action" value="restore" />
      <Button variant="secondary">{ctx.t('moderation.restore')}</Button>
    </form>
  );
}
