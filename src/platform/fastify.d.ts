/** What the platform adds to Fastify's request, reply and instance. */
import '@fastify/csrf-protection';
import '@fastify/rate-limit';
import type { Config, Language } from '../config.ts';
import type { Db, Engine } from '../db/index.ts';
import type { Assets } from './assets.ts';
import type { Sealer } from './crypto.ts';
import type { CurrentUser } from './deps.ts';
import type { DrainOptions } from './drain.ts';
import type { BackOfficeLink, Feature, PersonalDataHooks } from './feature.ts';
import type { Translate } from './i18n.ts';
import type { OutboxWorker } from './outbox.ts';
import type { Access, Scope } from './permissions.ts';
import type { Realtime, Signals } from './realtime.ts';
import type { RouteEntry } from './route-table.ts';
import type { Site } from './site.ts';
import type { TextSize } from './text-size.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    engine: Engine;
    assets: Assets;
    /** Stop taking work and wait until requests in flight are done (see drain.ts). */
    drain(options: DrainOptions): Promise<void>;
    isDraining(): boolean;
    sealer: Sealer;
    outbox: OutboxWorker;
    /** Signals between app processes (LISTEN/NOTIFY), e.g. to live inboxes. */
    realtime: Realtime;
    /** Sends those signals, after the change they tell of committed. */
    signals: Signals;
    /** Who runs the portal, for every page's header (the council; cached by its feature). */
    site(): Promise<Site>;
    /** The features the app was built with (src/features.ts). */
    features: readonly Feature[];
    /** Each feature's part in a person's copy and erasure of their data. */
    personalData: readonly PersonalDataHooks[];
    /** Each feature's ways into the back office, for /kelola. */
    backOfficeLinks: readonly BackOfficeLink[];
    /** Every route with the access it declared, for the permission tests. */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    lang: Language;
    /** How large the visitor wants the text (platform/text-size.ts). */
    textSize: TextSize;
    t: Translate;
    /** The signed-in user, or null for a visitor. */
    user: CurrentUser | null;
    /** The scopes of the API token the request came with; null for cookie sessions and visitors. */
    tokenScopes: string[] | null;
    /** A multipart form was read whole; an error before that is a broken upload, not a fault. */
    formParsed: boolean;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** false for routes that authenticate by something other than a cookie (API tokens). */
    csrf?: boolean;
    /** The route is part of finishing two-factor sign-in, so a session without it may call it. */
    beforeMfa?: boolean;
    /** The API-token scope that lets a token call this route; routes without one refuse tokens. */
    scope?: Scope;
    /** Callers prove themselves with an application key (Open311), not with a role. */
    appKey?: boolean;
    /** The answer is a stream that stays open (Server-Sent Events). */
    stream?: boolean;
    /** The answer is read by a machine, never shown as a page (a probe): it gets the short set of security headers. */
    answers?: 'machine';
  }
}
