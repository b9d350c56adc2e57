/**
 * What message gateways post when a person writes to the council's number, read into one shape.
 * Three ways in, each documented in README.md:
 * - the generic JSON shape (`POST /webhook/pesan`), signed: `X-Signature: sha256=<hex HMAC-SHA256
 *   of the raw body under MESSAGE_GATEWAY_INBOUND_SECRET>`; photos come inline as base64;
 * - the "sender/message" style many Indonesian WhatsApp gateways post (`POST /webhook/pesan/wa`,
 *   JSON or a form: `sender`, `message`, optional `id` and `url` of a photo);
 * - the "from/text" style of SMS servers such as Kannel's sms-service get-url
 *   (`GET or POST /webhook/pesan/sms?from=%p&text=%a&id=%I`).
 * The two styles cannot sign: they carry the same secret as a token (`?token=` or `X-Webhook-Token`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface InboundMessage {
  channel: 'sms' | 'whatsapp';
  /** The sender's number as the gateway wrote it. */
  from: string;
  text: string;
  /** The gateway's id of the message: the same message posted twice is handled once. */
  id: string | null;
  /** Photos that came inside the message. */
  photos: Buffer[];
  /** Addresses of photos the gateway holds (fetched only from the gateway's own host). */
  photoUrls: string[];
}

export type Parsed = { ok: true; message: InboundMessage } | { ok: false; problem: string };

const MAX_PHOTOS = 3;

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function base(
  channel: 'sms' | 'whatsapp',
  from: string | undefined,
  text: string | undefined,
  id: string | undefined,
): Parsed {
  if (from === undefined || from.trim() === '') return { ok: false, problem: 'the sender ("from") is missing' };
  if (text !== undefined && text.length > 5000)
    return { ok: false, problem: 'the text is longer than 5000 characters' };
  if (id !== undefined && id.length > 200) return { ok: false, problem: 'the id is longer than 200 characters' };
  return {
    ok: true,
    message: {
      channel,
      from: from.trim(),
      text: (text ?? '').trim(),
      id: id === undefined || id.trim() === '' ? null : id.trim(),
      photos: [],
      photoUrls: [],
    },
  };
}

/** `{channel, from, text, id?, media?: [{type, data(base64)}]}` */
export function parseGeneric(body: unknown): Parsed {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, problem: 'the body is not a JSON object' };
  const b = body as Record<string, unknown>;
  const channel = b.channel ?? 'sms';
  if (channel !== 'sms' && channel !== 'whatsapp') return { ok: false, problem: 'channel must be "sms" or "whatsapp"' };
  const parsed = base(channel, field(b, 'from'), field(b, 'text'), field(b, 'id'));
  if (!parsed.ok) return parsed;
  const media = b.media ?? [];
  if (!Array.isArray(media)) return { ok: false, problem: 'media must be a list' };
  for (const item of media.slice(0, MAX_PHOTOS)) {
    const data = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).data : undefined;
    if (typeof data !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(data))
      return { ok: false, problem: 'each media item needs its data in base64' };
    parsed.message.photos.push(Buffer.from(data, 'base64'));
  }
  return parsed;
}

/** `sender`, `message`, `id?`, `url?` (WhatsApp gateways' style). */
export function parseSenderMessage(body: unknown): Parsed {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const parsed = base('whatsapp', field(b, 'sender'), field(b, 'message'), field(b, 'id'));
  if (!parsed.ok) return parsed;
  const url = field(b, 'url');
  if (url !== undefined && url !== '') parsed.message.photoUrls.push(url);
  return parsed;
}

/** `from`, `text`, `id?` (SMS servers' style), from the query or a form. */
export function parseFromText(values: Record<string, unknown>): Parsed {
  return base('sms', field(values, 'from'), field(values, 'text'), field(values, 'id'));
}

/** The generic shape's signature: HMAC-SHA256 of the raw body, as "sha256=<hex>". */
export function signatureOf(secret: string, raw: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
