/** Telling the citizen (and supporters) about each public step, through the outbox in the caller's transaction. */
import type { Deps } from '../platform/deps.ts';
import { translator } from '../platform/i18n.ts';
import { enqueueMessage, type OutgoingMessage } from '../platform/outbox.ts';
import { pushToFollowers } from '../platform/push.ts';
import { confirmedSubscribers, stopLink } from '../platform/subscriptions.ts';
import * as q from './queries.ts';
import { publicText } from './view.ts';

/** A message to a citizen: the mail, and the same news told in one SMS (link last; platform/sms.ts fits it). */
export interface CitizenMessage {
  subject: string;
  text: string;
  sms: string;
}

/**
 * One message to an email address, or to a phone by SMS (WhatsApp when the gateway offers only
 * that, where the whole mail fits).
 */
export function messageToContact(
  deps: Deps,
  to: { email: string } | { phone: string; via?: 'sms' | 'whatsapp' | undefined },
  message: CitizenMessage & { topic?: string },
): OutgoingMessage {
  const { subject, text, sms, topic } = message;
  if ('email' in to) return { channel: 'email', to: to.email, subject, text, topic };
  const offered = deps.config.messageGateway?.channels ?? [];
  // A person who wrote by WhatsApp is answered there when the gateway offers it.
  const bySms =
    to.via !== undefined && offered.includes(to.via)
      ? to.via === 'sms'
      : offered.includes('sms') || !offered.includes('whatsapp');
  return {
    channel: bySms ? 'sms' : 'whatsapp',
    to: to.phone,
    subject,
    text: bySms ? sms : `${subject}\n${text}`.slice(0, 1000),
    topic,
  };
}

/** Writes one message to an email address or a phone (see `messageToContact`) in the caller's transaction. */
export async function sendToContact(
  db: Deps['db'],
  deps: Deps,
  to: { email: string } | { phone: string; via?: 'sms' | 'whatsapp' | undefined },
  message: CitizenMessage & { topic: string },
) {
  await enqueueMessage(db, deps.sealer, messageToContact(deps, to, message));
}

/**
 * Writes a message to the reporter alone (email, or SMS when only a phone was given), in the
 * caller's transaction: false when the reporter left no way to reach them.
 */
export async function tellReporter(
  db: Deps['db'],
  deps: Deps,
  aspirationId: number,
  message: CitizenMessage & { topic: string },
) {
  const reporter = await q.reporterOf(db, aspirationId);
  if (reporter?.email_sealed != null)
    await sendToContact(db, deps, { email: deps.sealer.open(reporter.email_sealed) }, message);
  else if (reporter?.phone_sealed != null)
    await sendToContact(db, deps, { phone: deps.sealer.open(reporter.phone_sealed) }, message);
  else return false;
  return true;
}

/**
 * Writes the message about a step to the reporter (email, or SMS when only a phone was given)
 * and to every supporter who confirmed their address by its link, each with a link to stop, in
 * the caller's transaction. `reporter: false` leaves out the reporter, told of the step otherwise.
 */
export async function tellCitizen(
  db: Deps['db'],
  deps: Deps,
  aspirationId: number,
  compose: (shown: (text: string) => string) => CitizenMessage,
  to: { reporter: boolean } = { reporter: true },
) {
  const topic = `aspiration:${aspirationId}`;
  // The reporter reads their own words; supporters read what the public page shows.
  const message = compose((text) => text);
  const reporter = to.reporter ? await q.reporterOf(db, aspirationId) : undefined;
  if (reporter?.email_sealed != null)
    await sendToContact(db, deps, { email: deps.sealer.open(reporter.email_sealed) }, { ...message, topic });
  else if (reporter?.phone_sealed != null)
    await sendToContact(db, deps, { phone: deps.sealer.open(reporter.phone_sealed) }, { ...message, topic });
  const t = translator(deps.config.defaultLanguage);
  const followers = await confirmedSubscribers(db, deps.sealer, { type: 'aspiration', id: aspirationId });
  const aspiration = await q.aspirationById(db, aspirationId);
  const forPublic = compose(publicText(aspiration?.hidden_passages ?? []));
  // Browsers that follow by push get the short text, opening the public page.
  if (aspiration !== undefined)
    await pushToFollowers(
      db,
      deps.sealer,
      { type: 'aspiration', id: aspirationId },
      {
        title: forPublic.subject,
        body: forPublic.sms,
        url: `/aspirasi/${aspiration.code}`,
      },
    );
  if (followers.length === 0) return;
  for (const follower of followers) {
    await enqueueMessage(db, deps.sealer, {
      channel: 'email',
      to: follower.email,
      subject: forPublic.subject,
      text: `${forPublic.text}\n\n${t('aspiration.mail.stop', { link: stopLink(deps, 'aspiration', follower.id) })}`,
      topic,
    });
  }
}
