/**
 * What every operation is given: the database, the sealer for personal data, the configuration
 * and the realtime signals; and the signed-in person as handlers and services see them. Accounts
 * make the user; everything else only reads it.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { Role } from '../db/schema.ts';
import type { Sealer } from './crypto.ts';
import type { Translate } from './i18n.ts';
import type { Signals } from './realtime.ts';

export interface Deps {
  db: Db;
  sealer: Sealer;
  config: Config;
  /** Tells live pages of every app process what changed, after it committed. */
  signals: Signals;
}

export interface CurrentUser {
  id: number;
  role: Role;
  name: string;
  email: string;
  memberId: number | null;
  sessionId: number;
  sessionExpiresAt: Date;
  mfaPassed: boolean;
  totpEnabled: boolean;
}

/** A user who came with an API token rather than a session cookie. */
export interface TokenUser extends CurrentUser {
  scopes: string[];
}

/** How a message to a person is worded and where its links point. */
export interface MailContext {
  t: Translate;
  site: string;
}
