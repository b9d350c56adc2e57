/**
 * A person writes to the council's number by SMS or WhatsApp: `LAPOR <kecamatan> <isi>` files an
 * aspiration at once; `LAPOR` alone starts a short conversation (kind → kecamatan → text →
 * confirm); `CEK <kode>` answers with the status; `STOP` ends the council's messages to the number
 * and `AKTIF` starts them again; `BATAL` drops an unfinished report; anything else gets the help
 * text. Replies go through the outbox by the way the message came, and each fits one SMS.
 */

import { isCode, publicAspiration, submitAspiration } from '../aspirations/service.ts';
import { statusTexts } from '../aspirations/views/shared.tsx';
import { type CouncilStructure, getCouncil, type Kecamatan } from '../council/service.ts';
import type { AspirationKind } from '../db/schema.ts';
import { normalisePhone, PHONE_PATTERN } from '../platform/contact.ts';
import type { Deps } from '../platform/deps.ts';
import { type Translate, translator } from '../platform/i18n.ts';
import { enqueueMessage, stopMessages, stoppedNumber } from '../platform/outbox.ts';
import { processPhoto } from '../platform/uploads.ts';
import type { InboundMessage } from './adapters.ts';
import * as q from './queries.ts';

export {
  type InboundMessage,
  parseFromText,
  parseGeneric,
  parseSenderMessage,
  sameSecret,
  signatureOf,
} from './adapters.ts';

/** Messages one number may send in an hour; past it the number gets one warning, then silence. */
export const HOURLY_LIMIT = 30;
/** A report needs at least this much to say what and where. */
const MIN_TEXT = 10;
const MAX_PHOTOS = 3;
const PHOTO_BYTES = 8 * 1024 * 1024;

export type Outcome =
  | 'duplicate'
  | 'limited'
  | 'help'
  | 'asked'
  | 'filed'
  | 'refused'
  | 'status'
  | 'stopped'
  | 'resumed'
  | 'cancelled';

export type ReceiveResult = { ok: true; outcome: Outcome; code?: string } | { ok: false; problem: string };

/** Photos at a gateway's own address: the only ones fetched (no other network at runtime). */
async function fetchPhotos(deps: Deps, urls: string[]): Promise<Buffer[]> {
  const gateway = deps.config.messageGateway?.url;
  if (gateway === undefined) return [];
  const origin = new URL(gateway).origin;
  const photos: Buffer[] = [];
  for (const url of urls.slice(0, MAX_PHOTOS)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (parsed.origin !== origin) continue;
    const response = await fetch(parsed, { signal: AbortSignal.timeout(15_000) }).catch(() => undefined);
    if (response === undefined || !response.ok) continue;
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length <= PHOTO_BYTES) photos.push(bytes);
  }
  return photos;
}

/** Letters and digits only, lower case: "Bekasi Timur", "bekasi-timur" and "BEKASITIMUR" are one. */
const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The kecamatan a text starts with ("Bekasi Timur jalan rusak…", "kec. Medan Satria …"), the
 * longest name that fits, and the rest of the text.
 */
export function kecamatanAtStart(
  structure: CouncilStructure,
  text: string,
): { kecamatan: Kecamatan; rest: string } | undefined {
  const words = text.trim().split(/\s+/);
  if (/^kec(amatan)?\.?$/i.test(words[0] ?? '')) words.shift();
  let best: { kecamatan: Kecamatan; rest: string; length: number } | undefined;
  for (let n = 1; n <= Math.min(4, words.length); n++) {
    const start = squash(words.slice(0, n).join(''));
    const found = structure.kecamatan.find((k) => squash(k.name) === start);
    if (found !== undefined && (best === undefined || n > best.length))
      best = { kecamatan: found, rest: words.slice(n).join(' '), length: n };
  }
  return best === undefined ? undefined : { kecamatan: best.kecamatan, rest: best.rest };
}

function kindOf(answer: string): AspirationKind | undefined {
  const word = squash(answer);
  if (word === '1' || word.startsWith('aspira') || word.startsWith('usul')) return 'aspirasi';
  if (word === '2' || word.startsWith('pengadu') || word.startsWith('keluh')) return 'pengaduan';
  if (word === '3' || word.startsWith('info')) return 'informasi';
  return undefined;
}

/** A title from the report's own words: its first sentence, cut at a word. */
function titleOf(text: string): string {
  const first = (text.split(/[.!?\n]/)[0] ?? text).trim();
  if (first.length <= 80) return first.length >= 5 ? first : text.slice(0, 80).trim();
  const cut = first.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : 80).trim()}…`;
}

/** The catch-all category: one no komisi holds (staff choose at triage), else the last. */
function categoryForMessages(structure: CouncilStructure) {
  return structure.categories.find((c) => c.komisiId === null) ?? structure.categories.at(-1);
}

function example(structure: CouncilStructure): string {
  return (
    structure.kecamatan
      .slice(0, 2)
      .map((k) => k.name)
      .join(', ') || '-'
  );
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3).trimEnd()}...`;
}

interface Context {
  deps: Deps;
  structure: CouncilStructure;
  message: InboundMessage;
  phone: string;
  lookup: string;
  t: Translate;
}

/** A reply to the number, by the way it wrote when the gateway offers that, as one SMS. */
async function reply(c: Context, text: string) {
  const offered = c.deps.config.messageGateway?.channels ?? [];
  const channel = offered.length === 0 || offered.includes(c.message.channel) ? c.message.channel : offered[0];
  await enqueueMessage(c.deps.db, c.deps.sealer, {
    channel: channel ?? c.message.channel,
    to: c.phone,
    subject: c.structure.council.name,
    text,
    topic: 'text-message',
  });
}

export async function receiveTextMessage(deps: Deps, message: InboundMessage): Promise<ReceiveResult> {
  const phone = normalisePhone(message.from);
  if (!PHONE_PATTERN.test(phone) || !/^0\d{7,15}$/.test(phone))
    return { ok: false, problem: `"${message.from.slice(0, 30)}" is not a phone number` };
  const structure = await getCouncil(deps.db);
  const lookup = deps.sealer.lookup(phone);
  const received = await q.recordReceived(deps.db, {
    council_id: structure.council.id,
    channel: message.channel,
    gateway_id: message.id,
    phone_lookup: lookup,
  });
  if (received === undefined) return { ok: true, outcome: 'duplicate' };
  const c: Context = { deps, structure, message, phone, lookup, t: translator(deps.config.defaultLanguage) };
  try {
    const count = await q.receivedSince(deps.db, lookup, new Date(Date.now() - 60 * 60 * 1000));
    if (count > HOURLY_LIMIT) {
      if (count === HOURLY_LIMIT + 1) await reply(c, c.t('text.tooMany'));
      return { ok: true, outcome: 'limited' };
    }
    return await converse(c);
  } catch (error) {
    await q.forgetReceived(deps.db, received.id);
    throw error;
  }
}

async function converse(c: Context): Promise<ReceiveResult> {
  const { deps, structure, message, t } = c;
  const site = structure.council.name;
  const [first = '', ...others] = message.text.split(/\s+/);
  const command = first.toUpperCase().replace(/[^A-Z]/g, '');
  const rest = others.join(' ').trim();
  const councilId = structure.council.id;

  if (command === 'STOP' || command === 'BERHENTI') {
    // The confirmation goes before the number is stopped; after it, nothing more.
    await reply(c, t('text.stopped', { site }));
    await q.endConversation(deps.db, councilId, message.channel, c.lookup);
    await stopMessages(deps.db, deps.sealer, c.phone, true);
    return { ok: true, outcome: 'stopped' };
  }
  // A stopped number that writes a command again asks for the answer: it is heard again. Other
  // words from it get no answer (it asked for none).
  const asks = ['AKTIF', 'START', 'LAPOR', 'CEK'].includes(command);
  if (await stoppedNumber(deps.db, deps.sealer, c.phone)) {
    if (!asks) return { ok: true, outcome: 'stopped' };
    await stopMessages(deps.db, deps.sealer, c.phone, false);
  }
  if (command === 'AKTIF' || command === 'START') {
    await reply(c, t('text.resumed', { site }));
    return { ok: true, outcome: 'resumed' };
  }
  if (command === 'BATAL') {
    await q.endConversation(deps.db, councilId, message.channel, c.lookup);
    await reply(c, t('text.cancelled'));
    return { ok: true, outcome: 'cancelled' };
  }
  if (command === 'CEK') return status(c, rest);
  if (command === 'LAPOR') {
    if (rest === '' && message.photos.length === 0 && message.photoUrls.length === 0) {
      await q.startConversation(deps.db, { council_id: councilId, channel: message.channel, phone_lookup: c.lookup });
      await reply(c, t('text.askKind'));
      return { ok: true, outcome: 'asked' };
    }
    const place = kecamatanAtStart(structure, rest);
    if (place === undefined) {
      await reply(
        c,
        t('text.formatKecamatan', { name: clip(rest.split(/\s+/)[0] ?? '', 30), example: example(structure) }),
      );
      return { ok: true, outcome: 'refused' };
    }
    if (place.rest.length < MIN_TEXT) {
      await reply(c, t('text.tooShort'));
      return { ok: true, outcome: 'refused' };
    }
    return file(c, { kind: 'pengaduan', kecamatan: place.kecamatan, text: place.rest, photos: await photosOf(c) });
  }

  const conversation = await q.conversationOf(deps.db, councilId, message.channel, c.lookup);
  if (conversation === undefined) {
    await reply(c, t('text.help', { site }));
    return { ok: true, outcome: 'help' };
  }
  const text = message.text.trim();
  if (conversation.step === 'kind') {
    const kind = kindOf(text);
    if (kind === undefined) {
      await reply(c, t('text.askKind'));
      return { ok: true, outcome: 'asked' };
    }
    await q.moveConversation(deps.db, conversation.id, { step: 'kecamatan', kind });
    await reply(c, t('text.askKecamatan', { example: example(structure) }));
    return { ok: true, outcome: 'asked' };
  }
  if (conversation.step === 'kecamatan') {
    const place = kecamatanAtStart(structure, text);
    if (place === undefined) {
      await reply(c, t('text.unknownKecamatan', { name: clip(text, 30), example: example(structure) }));
      return { ok: true, outcome: 'asked' };
    }
    await q.moveConversation(deps.db, conversation.id, { step: 'text', kecamatan_id: place.kecamatan.id });
    await reply(c, t('text.askText'));
    return { ok: true, outcome: 'asked' };
  }
  if (conversation.step === 'text') {
    const photos = await photosOf(c);
    const room = MAX_PHOTOS - (await q.countConversationPhotos(deps.db, conversation.id));
    for (const photo of photos.slice(0, Math.max(0, room)))
      await q.addConversationPhoto(deps.db, conversation.id, photo);
    if (text.length < MIN_TEXT) {
      await reply(c, photos.length > 0 ? t('text.photoKept') : t('text.tooShort'));
      return { ok: true, outcome: 'asked' };
    }
    await q.moveConversation(deps.db, conversation.id, { step: 'confirm', body: text });
    const kecamatan = structure.kecamatan.find((k) => k.id === conversation.kecamatan_id);
    await reply(c, t('text.confirm', { text: clip(text, 40), kecamatan: kecamatan?.name ?? '' }));
    return { ok: true, outcome: 'asked' };
  }
  // The last step: YA sends, anything else asks again.
  if (!['YA', 'Y', 'YES', 'KIRIM'].includes(command)) {
    await reply(c, t('text.confirmAgain'));
    return { ok: true, outcome: 'asked' };
  }
  const kecamatan = structure.kecamatan.find((k) => k.id === conversation.kecamatan_id);
  if (kecamatan === undefined || conversation.body === null || conversation.kind === null) {
    await q.endConversation(deps.db, councilId, message.channel, c.lookup);
    await reply(c, t('text.cancelled'));
    return { ok: true, outcome: 'cancelled' };
  }
  const photos = await q.conversationPhotos(deps.db, conversation.id);
  const result = await file(c, { kind: conversation.kind, kecamatan, text: conversation.body, photos });
  await q.endConversation(deps.db, councilId, message.channel, c.lookup);
  return result;
}

/** The message's photos, made like every photo the portal keeps: re-encoded, without metadata. */
async function photosOf(c: Context): Promise<Buffer[]> {
  const raw = [...c.message.photos, ...(await fetchPhotos(c.deps, c.message.photoUrls))].slice(0, MAX_PHOTOS);
  const kept: Buffer[] = [];
  for (const data of raw) {
    const result = await processPhoto({ field: 'photos', filename: 'foto', data, truncated: false });
    if (result.ok) kept.push(result.photo.full);
  }
  return kept;
}

async function file(
  c: Context,
  report: { kind: AspirationKind; kecamatan: Kecamatan; text: string; photos: Buffer[] },
): Promise<ReceiveResult> {
  const { deps, structure, t } = c;
  const category = categoryForMessages(structure);
  const result = await submitAspiration(deps, {
    kind: report.kind,
    category: category?.slug ?? '',
    location: `k${report.kecamatan.id}`,
    title: titleOf(report.text),
    description: report.text,
    phone: c.phone,
    showName: false,
    consent: true,
    channel: c.message.channel,
    photos: report.photos.map((data, i) => ({
      field: 'photos',
      filename: `foto-${i + 1}.webp`,
      data,
      truncated: false,
    })),
    userId: null,
    replyVia: c.message.channel,
  });
  // Filed: the tracking code and the private link go back in the aspiration's own message.
  if (result.ok) return { ok: true, outcome: 'filed', code: result.code };
  const reason = result.errors.map((e) => e.field).join(', ');
  await reply(c, t('text.refused', { reason }));
  return { ok: true, outcome: 'refused' };
}

async function status(c: Context, rest: string): Promise<ReceiveResult> {
  const { deps, structure, t } = c;
  const site = structure.council.name;
  const code = rest.split(/\s+/)[0]?.toUpperCase() ?? '';
  if (code === '') {
    await reply(c, t('text.askCode'));
    return { ok: true, outcome: 'asked' };
  }
  const found = isCode(code) ? await publicAspiration(deps, code, { user: null, ownedIds: [] }) : undefined;
  if (found === undefined) {
    await reply(c, t('text.notFound', { site, code: clip(code, 20) }));
    return { ok: true, outcome: 'status' };
  }
  const link = `${deps.config.publicBaseUrl}/aspirasi/${code}`;
  await reply(c, t('text.status', { site, code, status: t(statusTexts[found.view.status]).toLowerCase(), link }));
  return { ok: true, outcome: 'status' };
}

/** The scheduled clean-up: received messages past the retention of messages, idle conversations after a day. */
export async function removeOldTextMessages(deps: Deps): Promise<void> {
  const day = 24 * 60 * 60 * 1000;
  await q.removeOld(deps.db, new Date(Date.now() - deps.config.retention.messages * day), new Date(Date.now() - day));
}
