/**
 * Personal data is kept no longer than needed: this job removes, per kind of data, what has
 * outlived its configured retention period. It runs at start and every hour in the server, and
 * records in the audit log what it removed.
 */

import type { RetentionDays } from '../config.ts';
import type { Db } from '../db/index.ts';
import { recordAudit } from './audit.ts';
import type { Job } from './jobs.ts';

const DAY = 24 * 60 * 60 * 1000;

export interface RetentionReport {
  expiredSessions: number;
  messages: number;
  links: number;
  unconfirmedAccounts: number;
  dataRequests: number;
  signInThrottles: number;
  attemptWindows: number;
  /** Aspirations closed long ago whose reporter's and supporters' contact details were erased. */
  reporters: number;
}

const count = (result: { numDeletedRows: bigint }[]) => result.reduce((n, r) => n + Number(r.numDeletedRows), 0);

export async function enforceRetention(db: Db, days: RetentionDays, now = new Date()): Promise<RetentionReport> {
  const before = (d: number) => new Date(now.getTime() - d * DAY);
  return db.transaction().execute(async (trx) => {
    const report: RetentionReport = {
      expiredSessions: count(await trx.deleteFrom('user_session').where('expires_at', '<', now).execute()),
      messages: count(
        await trx
          .deleteFrom('outbox')
          .where('status', '!=', 'pending')
          .where('updated_at', '<', before(days.messages))
          .execute(),
      ),
      links: count(
        await trx
          .deleteFrom('one_time_token')
          .where((eb) => eb.or([eb('used_at', '<', before(days.links)), eb('expires_at', '<', before(days.links))]))
          .execute(),
      ),
      unconfirmedAccounts: count(
        await trx
          .deleteFrom('app_user')
          .where('email_verified_at', 'is', null)
          .where('status', '=', 'active')
          .where('role', '=', 'citizen')
          .where('created_at', '<', before(days.unconfirmedAccounts))
          .execute(),
      ),
      dataRequests: count(
        await trx.deleteFrom('data_request').where('requested_at', '<', before(days.dataRequests)).execute(),
      ),
      // Failure counts keyed by an email's HMAC: kept a day after the last attempt or lock.
      signInThrottles: count(
        await trx
          .deleteFrom('sign_in_throttle')
          .where('updated_at', '<', before(1))
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
          .execute(),
      ),
      // Attempt counters (e.g. tracking lookups per code): kept a day after their window opened.
      attemptWindows: count(await trx.deleteFrom('attempt_window').where('window_start', '<', before(1)).execute()),
      reporters: 0,
    };
    // A closed aspiration stays public, but nobody needs to reach its reporter a year on.
    const closedLongAgo = (eb: import('kysely').ExpressionBuilder<import('../db/schema.ts').Database, 'aspiration'>) =>
      eb.and([
        eb('status', 'in', ['resolved', 'rejected', 'referred', 'duplicate']),
        eb('updated_at', '<', before(days.reporters)),
      ]);
    const erased = await trx
      .updateTable('aspiration_reporter')
      .set({
        name_sealed: null,
        email_sealed: null,
        phone_sealed: null,
        email_lookup: null,
        phone_lookup: null,
        updated_at: now,
      })
      .where((eb) =>
        eb.or([
          eb('email_sealed', 'is not', null),
          eb('phone_sealed', 'is not', null),
          eb('name_sealed', 'is not', null),
        ]),
      )
      .where('aspiration_id', 'in', (sub) => sub.selectFrom('aspiration').select('id').where(closedLongAgo))
      .executeTakeFirst();
    await trx
      .updateTable('aspiration_supporter')
      .set({ email_lookup: null, updated_at: now })
      .where('email_lookup', 'is not', null)
      .where('aspiration_id', 'in', (sub) => sub.selectFrom('aspiration').select('id').where(closedLongAgo))
      .execute();
    await trx
      .deleteFrom('subscription')
      .where('subject_type', '=', 'aspiration')
      .where('subject_id', 'in', (sub) => sub.selectFrom('aspiration').select('id').where(closedLongAgo))
      .execute();
    report.reporters = Number(erased.numUpdatedRows);
    const removed = Object.values(report).reduce((a, b) => a + b, 0);
    if (removed > 0) {
      await recordAudit(trx, {
        actorUserId: null,
        actorRole: 'system',
        action: 'retention.enforced',
        details: { ...report },
      });
    }
    return report;
  });
}

/** The hourly retention job. */
export function retentionJob(db: Db, days: RetentionDays): Job {
  return { name: 'retention', everyMs: 60 * 60 * 1000, run: () => enforceRetention(db, days) };
}
