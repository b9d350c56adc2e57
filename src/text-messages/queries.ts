/** The queries of messages coming in by SMS and WhatsApp. */
import type { Db } from '../db/index.ts';
import type { AspirationKind, TextConversationStep } from '../db/schema.ts';

/** Records a message as received; nothing (undefined) when the gateway posted this id before. */
export function recordReceived(
  db: Db,
  values: { council_id: number; channel: 'sms' | 'whatsapp'; gateway_id: string | null; phone_lookup: string },
) {
  return db
    .insertInto('text_message_in')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['council_id', 'channel', 'gateway_id']).where('gateway_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
}

/** A message is forgotten when handling it failed, so that the gateway's retry is handled. */
export function forgetReceived(db: Db, id: number) {
  return db.deleteFrom('text_message_in').where('id', '=', id).execute();
}

export async function receivedSince(db: Db, phoneLookup: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('text_message_in')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('phone_lookup', '=', phoneLookup)
    .where('received_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function conversationOf(db: Db, councilId: number, channel: 'sms' | 'whatsapp', phoneLookup: string) {
  return db
    .selectFrom('text_conversation')
    .select(['id', 'step', 'kind', 'kecamatan_id', 'body', 'updated_at'])
    .where('council_id', '=', councilId)
    .where('channel', '=', channel)
    .where('phone_lookup', '=', phoneLookup)
    .executeTakeFirst();
}

/** Starts a number's conversation afresh (an earlier unfinished one, and its photos, go). */
export async function startConversation(
  db: Db,
  values: { council_id: number; channel: 'sms' | 'whatsapp'; phone_lookup: string },
) {
  await endConversation(db, values.council_id, values.channel, values.phone_lookup);
  return db
    .insertInto('text_conversation')
    .values({ ...values, step: 'kind' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function moveConversation(
  db: Db,
  id: number,
  values: {
    step: TextConversationStep;
    kind?: AspirationKind;
    kecamatan_id?: number;
    body?: string;
  },
) {
  return db
    .updateTable('text_conversation')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function endConversation(db: Db, councilId: number, channel: 'sms' | 'whatsapp', phoneLookup: string) {
  return db
    .deleteFrom('text_conversation')
    .where('council_id', '=', councilId)
    .where('channel', '=', channel)
    .where('phone_lookup', '=', phoneLookup)
    .execute();
}

export function addConversationPhoto(db: Db, conversationId: number, data: Buffer) {
  return db.insertInto('text_conversation_photo').values({ conversation_id: conversationId, data }).execute();
}

export async function conversationPhotos(db: Db, conversationId: number): Promise<Buffer[]> {
  const rows = await db
    .selectFrom('text_conversation_photo')
    .select('data')
    .where('conversation_id', '=', conversationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => Buffer.from(r.data));
}

export async function countConversationPhotos(db: Db, conversationId: number): Promise<number> {
  const row = await db
    .selectFrom('text_conversation_photo')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('conversation_id', '=', conversationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the retention job removes: received messages past their days, conversations left idle. */
export async function removeOld(db: Db, receivedBefore: Date, idleBefore: Date) {
  await db.deleteFrom('text_message_in').where('received_at', '<', receivedBefore).execute();
  await db.deleteFrom('text_conversation').where('updated_at', '<', idleBefore).execute();
}
