/**
 * The one typed configuration of the application. Every variable has a type, a default that is
 * safe for the embedded mode, and a line in .env.example. A bad value stops the start with a
 * message that names the variable.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import type { GatewayConfig } from './platform/outbox.ts';

export type Language = 'id' | 'en';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

/** An S3-compatible object store for uploaded files (AWS S3, MinIO, Ceph, Garage…). */
export interface S3Config {
  bucket: string;
  /** The store's address; unset means AWS S3 itself. */
  endpoint: string | undefined;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (https://host/bucket/key), as most self-hosted stores want; false: bucket.host. */
  pathStyle: boolean;
  /** Put before every key, e.g. "kota-bekasi/", so installations can share a bucket. */
  prefix: string;
}

export interface RetentionDays {
  /** Delivered (or given-up) messages in the outbox: they name their recipient. */
  messages: number;
  /** Used or expired one-time links. */
  links: number;
  /** Accounts whose email address was never confirmed. */
  unconfirmedAccounts: number;
  /** Records of personal-data requests: the proof that they were answered in time. */
  dataRequests: number;
  /** Contact details of reporters and supporters, counted from an aspiration's closing. */
  reporters: number;
}

export interface PushConfig {
  publicKey: string;
  privateKey: string;
  /** A mailto: or https: address push services may write to about these messages. */
  subject: string;
  /**
   * The push services a browser's subscription may point at: host names (https, subdomains too) or
   * exact origins. Anything else is refused, so nobody can make the portal post to other addresses.
   */
  services: string[];
}

export interface Config {
  host: string;
  port: number;
  /** Folder for the embedded database, generated secrets and uploads. */
  dataDir: string;
  /**
   * Behind reverse proxies: which of them to believe about the client's address in
   * X-Forwarded-For (rate limits, audit). false: none; a number: that many hops nearest to us; a
   * list: proxies at these addresses or networks. Never "any": the leftmost address is the client's
   * own word and would let anyone escape every per-address limit.
   */
  trustProxy: false | number | string[];
  /** PostgreSQL server address; when unset the embedded database (PGlite) in dataDir is used. */
  databaseUrl: string | undefined;
  /**
   * Connections each app process keeps to the PostgreSQL server. Several processes share the
   * server's max_connections (100 by default), so processes × this must stay below it.
   */
  databasePoolSize: number;
  /**
   * Descriptors of the listening socket one process polls (1 = its own only). libuv accepts one
   * connection per descriptor per turn of the event loop; see platform/listen-copies.ts.
   */
  listenCopies: number;
  /**
   * A Redis server for the request-rate limits, so they hold across app instances; unset: each
   * instance counts in its own memory (right for one instance).
   */
  redisUrl: string | undefined;
  /** Put before every Redis key, so installations (or tests) sharing a Redis server keep apart. */
  redisPrefix: string;
  /** The address people use to reach the portal, for links in mail and feeds. */
  publicBaseUrl: string;
  defaultLanguage: Language;
  /** Load the demo council (folder under councils/) into an empty database. */
  seedDemo: boolean;
  seedCouncil: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Signs cookies and tokens. */
  sessionSecret: string;
  /** AES-256 key(s) for personal data at rest, base64; the first encrypts, all decrypt. */
  dataKeys: Buffer[];
  /** HMAC key for looking up encrypted values (an email address) without decrypting; never rotated. */
  lookupKey: Buffer;
  /** A session ends after this long without a request... */
  sessionIdleMinutes: number;
  /** ...and in any case this long after sign-in. */
  sessionAbsoluteHours: number;
  smtp: SmtpConfig | undefined;
  /** An SMS/WhatsApp gateway reached over HTTP; unset means such messages are reported as not sent. */
  messageGateway: GatewayConfig | undefined;
  /**
   * The shared secret of messages coming in from the gateway (SMS and WhatsApp to the council):
   * the generic webhook checks an HMAC signature made with it, the gateway styles a token equal to
   * it. Unset: the webhooks answer 404 (this portal takes no messages).
   */
  messageInboundSecret: string | undefined;
  /**
   * Web Push (VAPID): the key pair messages are signed with and who is responsible for them.
   * Generated once in the embedded mode; unset on a server deployment means push is reported as
   * not set up, never faked.
   */
  push: PushConfig | undefined;
  /** Days to keep each kind of data before the scheduled job removes it. */
  retention: RetentionDays;
  /** Map tiles (Leaflet) for pins and map views when JavaScript is on; unset: no map, only the selects. */
  map: { tiles: string; attribution: string } | undefined;
  /**
   * Origins whose video player a hearing's page may embed, loaded only when the visitor asks for it
   * (the content security policy's frame-src); empty: livestreams are links only.
   */
  embedOrigins: string[];
  /** Where uploaded files (photos, documents) are kept when no object store is configured. */
  uploadDir: string;
  /** An object store for uploaded files, shared by every app instance; unset: uploadDir. */
  s3: S3Config | undefined;
  /** Citizens' input: how long after resolution the citizen may reopen, and when to ask "is it resolved?". */
  aspirations: { reopenDays: number; followUpWeeks: number };
  /** `npm run start:cluster`: how many app processes share the port (0: one per core). */
  clusterWorkers: number;
  /** On SIGTERM: wait until no request arrived for this long (a load balancer needs a moment to notice). */
  shutdownQuietMs: number;
  /** On SIGTERM: stop waiting for requests in flight after this long. */
  shutdownTimeoutMs: number;
  /**
   * Overload: with more requests in flight than this, or the event loop this late (ms) or this
   * busy (0–1), new requests get 503 with Retry-After instead of queueing until everything times
   * out. 0 switches a check off.
   */
  /** Public pages for visitors without a session are served from memory for this long (0 = off). */
  pageCacheSeconds: number;
  overload: {
    maxInFlight: number;
    maxEventLoopDelayMs: number;
    maxEventLoopUtilization: number;
    retryAfterSeconds: number;
  };
}

/** Thrown when an environment variable holds a value the application cannot use. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `expected a number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

/** TRUST_PROXY: false, true (one proxy in front), a hop count, or addresses/CIDRs separated by commas. */
function proxies(env: Env, name: string): false | number | string[] {
  const raw = optional(env, name)?.trim().toLowerCase();
  if (raw === undefined || ['0', 'false', 'no', 'off'].includes(raw)) return false;
  if (['true', 'yes', 'on'].includes(raw)) return 1;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const list = raw.split(',').map((entry) => entry.trim());
  for (const entry of list) {
    const [address = '', bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (family === 0 || !bitsOk || rest.length > 0)
      throw new ConfigError(
        name,
        `expected false, a number of proxies, or their addresses (e.g. 127.0.0.1,10.0.0.0/8); "${entry}" is none of these`,
      );
  }
  return list;
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, fallback: string | undefined, protocols: string[]) {
  const raw = optional(env, name) ?? fallback;
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `expected a URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `expected a ${protocols.join(' or ')} URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function key(name: string, value: string): Buffer {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== 32) {
    throw new ConfigError(name, 'expected 32 bytes encoded in base64 (openssl rand -base64 32)');
  }
  return bytes;
}

interface StoredSecrets {
  sessionSecret: string;
  dataKey: string;
  lookupKey: string;
  /** The VAPID key pair Web Push messages are signed with (base64url: raw public point, private scalar). */
  vapidPublicKey: string;
  vapidPrivateKey: string;
}

/** A new VAPID key pair (P-256), as the Web Push protocol writes it. */
export function newVapidKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = privateKey.export({ format: 'jwk' });
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-65);
  return { publicKey: raw.toString('base64url'), privateKey: String(jwk.d) };
}

/**
 * In the embedded mode a missing secret is generated once and kept in the data directory, so a
 * restart keeps sessions and can still read encrypted data. A server deployment sets them.
 */
function embeddedSecrets(dataDir: string): StoredSecrets {
  const file = path.join(dataDir, 'secrets.json');
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredSecrets>) : undefined;
  const secrets: StoredSecrets = {
    sessionSecret: stored?.sessionSecret ?? randomBytes(32).toString('base64'),
    dataKey: stored?.dataKey ?? randomBytes(32).toString('base64'),
    lookupKey: stored?.lookupKey ?? randomBytes(32).toString('base64'),
    ...(stored?.vapidPublicKey !== undefined && stored.vapidPrivateKey !== undefined
      ? { vapidPublicKey: stored.vapidPublicKey, vapidPrivateKey: stored.vapidPrivateKey }
      : (({ publicKey, privateKey }) => ({ vapidPublicKey: publicKey, vapidPrivateKey: privateKey }))(newVapidKeys())),
  };
  const complete =
    stored?.sessionSecret !== undefined &&
    stored.dataKey !== undefined &&
    stored.lookupKey !== undefined &&
    stored.vapidPublicKey !== undefined &&
    stored.vapidPrivateKey !== undefined;
  if (!complete) {
    // A secret added in a later version is generated and kept; existing ones never change.
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = text(env, 'HOST', '127.0.0.1');
  const dataDir = path.resolve(text(env, 'DATA_DIR', './data'));
  const databaseUrl = url(env, 'DATABASE_URL', undefined, ['postgres:', 'postgresql:']);
  const databasePoolSize = integer(env, 'DATABASE_POOL_SIZE', 10, 1, 500);
  const listenCopies = integer(env, 'LISTEN_COPIES', 16, 1, 64);
  const publicBaseUrl = url(env, 'PUBLIC_BASE_URL', `http://localhost:${port}`, ['http:', 'https:']) ?? '';
  const defaultLanguage = oneOf(env, 'DEFAULT_LANGUAGE', 'id', ['id', 'en'] as const);
  const seedDemo = boolean(env, 'SEED_DEMO', true);
  const trustProxy = proxies(env, 'TRUST_PROXY');
  const seedCouncil = text(env, 'SEED_COUNCIL', 'kota-bekasi');
  if (!/^[a-z0-9-]+$/.test(seedCouncil)) {
    throw new ConfigError('SEED_COUNCIL', `expected a folder name under councils/, got "${seedCouncil}"`);
  }
  const logLevel = oneOf(env, 'LOG_LEVEL', 'info', [
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const);

  let sessionSecret = optional(env, 'SESSION_SECRET');
  const rawKeys = optional(env, 'DATA_KEYS');
  const rawLookup = optional(env, 'LOOKUP_KEY');
  let lookupKey = rawLookup === undefined ? undefined : key('LOOKUP_KEY', rawLookup);
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'expected at least 32 characters');
  }
  let dataKeys = rawKeys?.split(',').map((k) => key('DATA_KEYS', k.trim()));
  if (sessionSecret === undefined || dataKeys === undefined || lookupKey === undefined) {
    if (databaseUrl !== undefined) {
      const missing =
        sessionSecret === undefined ? 'SESSION_SECRET' : dataKeys === undefined ? 'DATA_KEYS' : 'LOOKUP_KEY';
      throw new ConfigError(
        missing,
        'must be set when DATABASE_URL is set (secrets are generated only in the embedded mode)',
      );
    }
    const stored = embeddedSecrets(dataDir);
    sessionSecret ??= stored.sessionSecret;
    dataKeys ??= [key('DATA_KEYS', stored.dataKey)];
    lookupKey ??= key('LOOKUP_KEY', stored.lookupKey);
  }

  const smtpHost = optional(env, 'SMTP_HOST');
  const smtp: SmtpConfig | undefined =
    smtpHost === undefined
      ? undefined
      : {
          host: smtpHost,
          port: integer(env, 'SMTP_PORT', 587, 1, 65535),
          secure: boolean(env, 'SMTP_SECURE', false),
          user: optional(env, 'SMTP_USER'),
          password: optional(env, 'SMTP_PASSWORD'),
          from: text(env, 'SMTP_FROM', 'Dewan Terbuka <no-reply@localhost>'),
        };

  const redisUrl = url(env, 'REDIS_URL', undefined, ['redis:', 'rediss:']);
  const redisPrefix = text(env, 'REDIS_PREFIX', 'dewan:');
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(redisPrefix)) {
    throw new ConfigError('REDIS_PREFIX', `expected up to 64 letters, digits or : _ . -, got "${redisPrefix}"`);
  }
  const gatewayUrl = url(env, 'MESSAGE_GATEWAY_URL', undefined, ['http:', 'https:']);
  let messageGateway: GatewayConfig | undefined;
  if (gatewayUrl !== undefined) {
    const token = optional(env, 'MESSAGE_GATEWAY_TOKEN');
    if (token === undefined)
      throw new ConfigError('MESSAGE_GATEWAY_TOKEN', 'must be set when MESSAGE_GATEWAY_URL is set');
    const channels = (optional(env, 'MESSAGE_GATEWAY_CHANNELS') ?? 'sms').split(',').map((c) => c.trim());
    for (const c of channels) {
      if (c !== 'sms' && c !== 'whatsapp') {
        throw new ConfigError('MESSAGE_GATEWAY_CHANNELS', `expected sms and/or whatsapp, got "${c}"`);
      }
    }
    messageGateway = { url: gatewayUrl, token, channels: channels as ('sms' | 'whatsapp')[] };
  }
  let vapidPublic = optional(env, 'VAPID_PUBLIC_KEY');
  let vapidPrivate = optional(env, 'VAPID_PRIVATE_KEY');
  if ((vapidPublic === undefined) !== (vapidPrivate === undefined))
    throw new ConfigError(
      vapidPublic === undefined ? 'VAPID_PUBLIC_KEY' : 'VAPID_PRIVATE_KEY',
      'set both VAPID keys or neither',
    );
  if (vapidPublic !== undefined && !/^[A-Za-z0-9_-]{87}$/.test(vapidPublic))
    throw new ConfigError('VAPID_PUBLIC_KEY', 'expected an uncompressed P-256 point in base64url (87 characters)');
  if (vapidPrivate !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(vapidPrivate))
    throw new ConfigError('VAPID_PRIVATE_KEY', 'expected a P-256 private key in base64url (43 characters)');
  if (vapidPublic === undefined && databaseUrl === undefined) {
    const stored = embeddedSecrets(dataDir);
    vapidPublic = stored.vapidPublicKey;
    vapidPrivate = stored.vapidPrivateKey;
  }
  const vapidSubject = text(env, 'VAPID_SUBJECT', `mailto:dprd@${new URL(publicBaseUrl).hostname}`);
  if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(vapidSubject))
    throw new ConfigError('VAPID_SUBJECT', `expected a mailto: or https: address, got "${vapidSubject}"`);
  // The push services of Chromium and Android, Firefox, Safari and Edge.
  const pushServices = text(
    env,
    'PUSH_SERVICES',
    'fcm.googleapis.com,push.services.mozilla.com,web.push.apple.com,notify.windows.com',
  )
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of pushServices)
    if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/.test(entry) && !/^https?:\/\/[^/\s]+$/.test(entry))
      throw new ConfigError('PUSH_SERVICES', `expected host names or origins, got "${entry}"`);
  const push =
    vapidPublic === undefined || vapidPrivate === undefined
      ? undefined
      : { publicKey: vapidPublic, privateKey: vapidPrivate, subject: vapidSubject, services: pushServices };
  const inboundSecret = optional(env, 'MESSAGE_GATEWAY_INBOUND_SECRET');
  if (inboundSecret !== undefined && inboundSecret.length < 24)
    throw new ConfigError('MESSAGE_GATEWAY_INBOUND_SECRET', 'must be at least 24 characters');
  const sessionIdleMinutes = integer(env, 'SESSION_IDLE_MINUTES', 120, 1, 60 * 24 * 30);
  const sessionAbsoluteHours = integer(env, 'SESSION_ABSOLUTE_HOURS', 24 * 7, 1, 24 * 365);
  const retention: RetentionDays = {
    messages: integer(env, 'RETENTION_MESSAGES_DAYS', 90, 1, 3650),
    links: integer(env, 'RETENTION_LINKS_DAYS', 30, 1, 3650),
    unconfirmedAccounts: integer(env, 'RETENTION_UNCONFIRMED_ACCOUNTS_DAYS', 14, 1, 3650),
    dataRequests: integer(env, 'RETENTION_DATA_REQUESTS_DAYS', 1825, 365, 36500),
    reporters: integer(env, 'RETENTION_REPORTERS_DAYS', 365, 60, 3650),
  };
  const tiles = optional(env, 'MAP_TILE_URL');
  if (tiles !== undefined && !/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(tiles)) {
    throw new ConfigError('MAP_TILE_URL', `expected an http(s) address with {z}, {x} and {y}, got "${tiles}"`);
  }
  // "none" turns embedding off: livestreams are then links only.
  const embedOrigins = text(env, 'LIVESTREAM_EMBED_ORIGINS', 'https://www.youtube-nocookie.com')
    .replace(/^none$/i, '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of embedOrigins)
    if (!/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin))
      throw new ConfigError('LIVESTREAM_EMBED_ORIGINS', `expected https origins separated by commas, got "${origin}"`);
  const map = tiles === undefined ? undefined : { tiles, attribution: text(env, 'MAP_ATTRIBUTION', '') };
  const uploadDir = path.resolve(text(env, 'UPLOAD_DIR', path.join(dataDir, 'uploads')));
  const aspirations = {
    reopenDays: integer(env, 'ASPIRATION_REOPEN_DAYS', 30, 0, 365),
    followUpWeeks: integer(env, 'ASPIRATION_FOLLOW_UP_WEEKS', 4, 1, 52),
  };
  const shutdownQuietMs = integer(env, 'SHUTDOWN_QUIET_MS', 500, 0, 600_000);
  const clusterWorkers = integer(env, 'CLUSTER_WORKERS', 0, 0, 256);
  const s3 = s3Of(env);
  const shutdownTimeoutMs = integer(env, 'SHUTDOWN_TIMEOUT_MS', 15_000, 0, 3_600_000);
  const utilisation = text(env, 'OVERLOAD_MAX_EVENT_LOOP_UTILIZATION', '0');
  if (!/^(0(\.\d{1,3})?|1(\.0{1,3})?)$/.test(utilisation))
    throw new ConfigError('OVERLOAD_MAX_EVENT_LOOP_UTILIZATION', 'a number from 0 to 1, e.g. 0.98 (0 = off)');
  const pageCacheSeconds = integer(env, 'PAGE_CACHE_SECONDS', 2, 0, 3600);
  const overload = {
    maxInFlight: integer(env, 'OVERLOAD_MAX_IN_FLIGHT', 512, 0, 1_000_000),
    maxEventLoopDelayMs: integer(env, 'OVERLOAD_MAX_EVENT_LOOP_DELAY_MS', 1000, 0, 60_000),
    maxEventLoopUtilization: Number(utilisation),
    retryAfterSeconds: integer(env, 'OVERLOAD_RETRY_AFTER_SECONDS', 10, 1, 3600),
  };

  return {
    host,
    port,
    dataDir,
    databaseUrl,
    databasePoolSize,
    listenCopies,
    redisUrl,
    redisPrefix,
    publicBaseUrl,
    defaultLanguage,
    seedDemo,
    seedCouncil,
    trustProxy,
    logLevel,
    sessionSecret,
    dataKeys,
    lookupKey,
    sessionIdleMinutes,
    sessionAbsoluteHours,
    smtp,
    messageGateway,
    messageInboundSecret: inboundSecret,
    push,
    retention,
    map,
    embedOrigins,
    uploadDir,
    aspirations,
    shutdownQuietMs,
    shutdownTimeoutMs,
    clusterWorkers,
    s3,
    pageCacheSeconds,
    overload,
  };
}

function s3Of(env: Env): S3Config | undefined {
  const bucket = optional(env, 'S3_BUCKET');
  if (bucket === undefined) return undefined;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(
      'S3_BUCKET',
      `expected a bucket name (3–63 lowercase letters, digits, dots, dashes), got "${bucket}"`,
    );
  }
  const accessKeyId = optional(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = optional(env, 'S3_SECRET_ACCESS_KEY');
  if (accessKeyId === undefined) throw new ConfigError('S3_ACCESS_KEY_ID', 'must be set when S3_BUCKET is set');
  if (secretAccessKey === undefined) throw new ConfigError('S3_SECRET_ACCESS_KEY', 'must be set when S3_BUCKET is set');
  const prefix = text(env, 'S3_PREFIX', '');
  if (!/^([A-Za-z0-9_.-]+\/)*$/.test(prefix)) {
    throw new ConfigError(
      'S3_PREFIX',
      `expected folder names each ending in "/", e.g. "kota-bekasi/", got "${prefix}"`,
    );
  }
  const region = text(env, 'S3_REGION', 'us-east-1');
  if (!/^[a-z0-9-]{2,32}$/.test(region)) throw new ConfigError('S3_REGION', `expected a region name, got "${region}"`);
  return {
    bucket,
    endpoint: url(env, 'S3_ENDPOINT', undefined, ['http:', 'https:']),
    region,
    accessKeyId,
    secretAccessKey,
    pathStyle: boolean(env, 'S3_PATH_STYLE', true),
    prefix,
  };
}

/** For the programs that start the portal: the configuration, or a clear message and exit code 78. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
}
