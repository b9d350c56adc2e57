/** Telling the citizen (and supporters) about each public step, through the outbox in the caller's transaction. */
import type { Deps } from '../platform/deps.ts';
import { enqueueMessage } from '../platform/outbox.ts';
import * as q from './queries.ts';

/**
 * Writes the message about a step to the reporter (email, or SMS when only a phone was given)
 * and to every supporter who left an email address, in the caller's transaction.
 */
export async function tellCitizen(
  db: Deps['db'],
  deps: Deps,
  aspirationId: number,
  message: { subject: string; text: string },
) {
  const topic = `aspiration:${aspirationId}`;
  const reporter = await q.reporterOf(db, aspirationId);
  if (reporter?.email_sealed != null) {
    await enqueueMessage(db, deps.sealer, {
      channel: 'email',
      to: deps.sealer.open(reporter.email_sealed),
      ...message,
      topic,
    });
  } else if (reporter?.phone_sealed != null) {
    const offered = deps.config.messageGateway?.channels ?? [];
    await enqueueMessage(db, deps.sealer, {
      channel: offered.includes('sms') || !offered.includes('whatsapp') ? 'sms' : 'whatsapp',
      to: deps.sealer.open(reporter.phone_sealed),
      subject: message.subject,
      text: `${message.subject}\n${message.text}`.slice(0, 600),
      topic,
    });
  }
  for (const s of await q.supportersWithEmail(db, aspirationId)) {
    if (s.email_sealed === null) continue;
    await enqueueMessage(db, deps.sealer, {
      channel: 'email',
      to: deps.sealer.open(s.email_sealed),
      ...message,
      topic,
    });
  }
}
