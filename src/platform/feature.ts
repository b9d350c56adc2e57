/**
 * What a feature tells the app about itself (its `index.ts`): its routes, its texts, its work on a
 * timer, its share of a person's data, and its entries in the back office. The app and the server
 * loop over `src/features.ts`; the platform knows this shape, never a feature.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/index.ts';
import type { Identity } from './auth.ts';
import type { CurrentUser, Deps } from './deps.ts';
import type { MessageKey, Messages } from './i18n.ts';
import type { Job } from './jobs.ts';
import type { Permission } from './permissions.ts';
import type { Site } from './site.ts';

/** One thing a feature holds about a person, for their copy of their data (UU PDP). */
export interface PersonalDataItem {
  /** Its own page, when it has one. */
  link?: { href: string; text: string };
  text: string;
  at: Date | null;
  /** Where it stands, in words, when that matters to the person (an aspiration's status). */
  state?: MessageKey;
  /** A follow by email the person may end from /akun: the subscription's id. */
  followId?: number;
  /** What the JSON copy holds for it. */
  record: Record<string, unknown>;
}

export interface PersonalDataSection {
  /** The key of this section in the JSON copy, e.g. "aspirations". */
  key: string;
  /** Its heading on /akun/data. */
  title: MessageKey;
  items: PersonalDataItem[];
}

/** The account whose data is asked for: follows by email are found by the address's lookup. */
export interface DataSubject {
  userId: number;
  emailLookup: string;
}

/**
 * A feature's part in a person's rights over their data. The same sections are the person's own
 * lists on /akun (what they sent, what they follow).
 */
export interface PersonalDataHooks {
  /** What the feature holds about the account, one section per kind of thing. */
  copy(deps: Deps, subject: DataSubject): Promise<PersonalDataSection[]>;
  /**
   * Unlinks the person from what the feature keeps, in the erasure's transaction: what the account
   * wrote, and what was sent without an account from its address. Follows by email need none: the
   * account's erasure ends them all (platform/subscriptions.ts).
   */
  forget?(db: Db, subject: DataSubject): Promise<void>;
}

/** A public page for search engines: its path, and when it last changed when known. */
export interface SitemapEntry {
  path: string;
  modified?: Date | null;
}

/** A way into a feature's part of the back office, shown at /kelola to those allowed. */
export interface BackOfficeLink {
  href: string;
  label: MessageKey;
  permission: Permission;
}

/** Something waiting in the back office for the signed-in official, shown first on /kelola. */
export interface WaitingWork {
  /** Where the official does it. */
  href: string;
  /** What waits; its text may use {n}, the count. */
  label: MessageKey;
  count: number;
  /** How many of them are past their deadline. */
  overdue: number;
  /** The nearest deadline (a calendar day in Jakarta), when there is one. */
  due: string | null;
  /** A few of them by name, when each needs its own look (a message that did not reach someone). */
  items?: { href: string; text: string }[];
}

export interface Feature {
  /** kebab-case, as its folder is named. */
  name: string;
  /** Fastify plugins with the feature's routes, registered in this order. */
  routes: FastifyPluginAsyncTypebox[];
  /** The feature's texts, Indonesian and English side by side. */
  messages: Messages;
  /** Runs once the app is built: signals from other processes to listen to. */
  setup?: (app: FastifyInstance) => void;
  /** Work on a timer, started by the server (not by tests), each run by one instance per period. */
  jobs?: (app: FastifyInstance) => Job[];
  personalData?: PersonalDataHooks;
  backOffice?: BackOfficeLink[];
  /** What waits for this official in the feature's part of the back office (only what is there). */
  waiting?: (deps: Deps, user: CurrentUser) => Promise<WaitingWork[]>;
  /** Who runs the portal, for every page's header (one feature: the council). */
  site?: (db: Db) => Promise<Site>;
  /** How a session cookie or an API token becomes a person (one feature: accounts). */
  identity?: Identity;
  /** The feature's public pages, for search engines (/sitemap.xml). */
  sitemap?: (deps: Deps) => Promise<SitemapEntry[]>;
}
