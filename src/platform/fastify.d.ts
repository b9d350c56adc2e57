/** What the platform adds to Fastify's request, reply and instance. */
import type { Config, Language } from '../config.ts';
import type { Db, Engine } from '../db/index.ts';
import type { Assets } from './assets.ts';
import type { DrainOptions } from './drain.ts';
import type { Translate } from './i18n.ts';

/** Who may call a route. Issue-by-issue this grows into named permissions held by roles. */
export type Access = 'public';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    engine: Engine;
    assets: Assets;
    /** Stop taking work and wait until requests in flight are done (see drain.ts). */
    drain(options: DrainOptions): Promise<void>;
    isDraining(): boolean;
  }
  interface FastifyRequest {
    lang: Language;
    t: Translate;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
