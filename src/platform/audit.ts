/**
 * The append-only audit log. Every entry carries the hash of the one before it, so removing or
 * altering an entry breaks the chain at that point; `verifyAuditChain` finds the first break.
 * The database refuses UPDATE and DELETE on the table (migration 0002).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export interface AuditEntry {
  actorUserId: number | null;
  actorRole: string;
  action: string;
  subjectType?: string | undefined;
  subjectId?: string | number | undefined;
  ip?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export const GENESIS = 'genesis';

interface StoredEntry {
  at: Date;
  actor_user_id: number | null;
  actor_role: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  details: string;
  prev_hash: string;
}

export function entryHash(entry: StoredEntry): string {
  const canonical = JSON.stringify([
    entry.at.toISOString(),
    entry.actor_user_id,
    entry.actor_role,
    entry.action,
    entry.subject_type,
    entry.subject_id,
    entry.ip,
    entry.details,
    entry.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

// One writer at a time extends the chain, across every app process on the same database.
const AUDIT_LOCK = 0x64_74_61_75; // "dtau"

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const write = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const stored: StoredEntry = {
      at: new Date(),
      actor_user_id: entry.actorUserId,
      actor_role: entry.actorRole,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId === undefined ? null : String(entry.subjectId),
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
      prev_hash: last?.hash ?? GENESIS,
    };
    await trx
      .insertInto('audit_log')
      .values({ ...stored, hash: entryHash(stored) })
      .execute();
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

export type ChainReport =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the whole chain in order; reports the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let previous = GENESIS;
  let entries = 0;
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .select([
        'id',
        'at',
        'actor_user_id',
        'actor_role',
        'action',
        'subject_type',
        'subject_id',
        'ip',
        'details',
        'prev_hash',
        'hash',
      ])
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (page.length === 0) return { ok: true, entries };
    for (const row of page) {
      entries++;
      if (row.prev_hash !== previous) {
        return { ok: false, entries, brokenAt: row.id, reason: 'does not link to the entry before it' };
      }
      if (entryHash(row) !== row.hash) {
        return { ok: false, entries, brokenAt: row.id, reason: 'its content does not match its hash' };
      }
      previous = row.hash;
      after = row.id;
    }
  }
}

export interface AuditFilter {
  action?: string | undefined;
  actorUserId?: number | undefined;
  subjectType?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export function listAudit(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_user_id', 'actor_role', 'action', 'subject_type', 'subject_id', 'ip', 'details'])
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.action !== undefined)
    query = query.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.actorUserId !== undefined) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}
