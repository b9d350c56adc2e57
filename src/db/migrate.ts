/**
 * Forward-only migrations, run on every start on both engines. Each migration is a module in
 * migrations/ named by its order; listing them here keeps the set explicit and bundler-proof.
 */
import { type Kysely, type Migration, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-council.ts';
import * as m0002 from './migrations/0002-identity.ts';
import * as m0003 from './migrations/0003-two-factor.ts';
import * as m0004 from './migrations/0004-personal-data.ts';
import * as m0005 from './migrations/0005-sign-in-throttle.ts';
import * as m0006 from './migrations/0006-aspirations.ts';
import * as m0007 from './migrations/0007-open311.ts';
import * as m0008 from './migrations/0008-agenda.ts';
import * as m0009 from './migrations/0009-regulations.ts';
import * as m0010 from './migrations/0010-raperda.ts';
import * as m0011 from './migrations/0011-budget.ts';
import * as m0012 from './migrations/0012-budget-programmes.ts';
import * as m0013 from './migrations/0013-projects.ts';
import * as m0014 from './migrations/0014-aspiration-privacy.ts';
import * as m0015 from './migrations/0015-yearly-numbers.ts';
import * as m0016 from './migrations/0016-follows-by-address.ts';
import * as m0017 from './migrations/0017-decimal-progress.ts';
import * as m0018 from './migrations/0018-budget-publishing.ts';
import * as m0019 from './migrations/0019-consultations.ts';
import * as m0020 from './migrations/0020-forums.ts';
import * as m0021 from './migrations/0021-consultation-statements.ts';
import * as m0022 from './migrations/0022-forum-aspirations.ts';
import * as m0023 from './migrations/0023-email-comments.ts';
import * as m0024 from './migrations/0024-appointments.ts';
import * as m0025 from './migrations/0025-reses.ts';
import * as m0026 from './migrations/0026-pokir.ts';
import * as m0027 from './migrations/0027-hearings.ts';
import * as m0028 from './migrations/0028-scheduled-jobs.ts';
import * as m0029 from './migrations/0029-submission-keys.ts';
import * as m0030 from './migrations/0030-text-messages.ts';
import * as m0031 from './migrations/0031-kiosk-calls.ts';
import * as m0032 from './migrations/0032-push.ts';
import * as m0033 from './migrations/0033-consultation-followers.ts';
import * as m0034 from './migrations/0034-surveys.ts';
import * as m0035 from './migrations/0035-aspiration-facts.ts';
import * as m0036 from './migrations/0036-monthly-reports.ts';
import * as m0037 from './migrations/0037-tally-deltas.ts';
import * as m0038 from './migrations/0038-public-information.ts';
import * as m0039 from './migrations/0039-information-requests.ts';
import * as m0040 from './migrations/0040-training.ts';
import * as m0041 from './migrations/0041-information-from-aspirations.ts';
import * as m0042 from './migrations/0042-training-materials.ts';
import * as m0043 from './migrations/0043-training-evaluation-surveys.ts';
import * as m0044 from './migrations/0044-category-suggestions.ts';
import * as m0045 from './migrations/0045-auto-route.ts';
import * as m0046 from './migrations/0046-spike-alerts.ts';
import * as m0047 from './migrations/0047-news.ts';
import * as m0048 from './migrations/0048-member-statements.ts';
import * as m0049 from './migrations/0049-lighter-fact-triggers.ts';
import * as m0050 from './migrations/0050-aspiration-time-indexes.ts';
import * as m0051 from './migrations/0051-outbox-pending-index.ts';
import * as m0052 from './migrations/0052-aspiration-words.ts';

const migrations: Record<string, Migration> = {
  '0001-council': m0001,
  '0002-identity': m0002,
  '0003-two-factor': m0003,
  '0004-personal-data': m0004,
  '0005-sign-in-throttle': m0005,
  '0006-aspirations': m0006,
  '0007-open311': m0007,
  '0008-agenda': m0008,
  '0009-regulations': m0009,
  '0010-raperda': m0010,
  '0011-budget': m0011,
  '0012-budget-programmes': m0012,
  '0013-projects': m0013,
  '0014-aspiration-privacy': m0014,
  '0015-yearly-numbers': m0015,
  '0016-follows-by-address': m0016,
  '0017-decimal-progress': m0017,
  '0018-budget-publishing': m0018,
  '0019-consultations': m0019,
  '0020-forums': m0020,
  '0021-consultation-statements': m0021,
  '0022-forum-aspirations': m0022,
  '0023-email-comments': m0023,
  '0024-appointments': m0024,
  '0025-reses': m0025,
  '0026-pokir': m0026,
  '0027-hearings': m0027,
  '0028-scheduled-jobs': m0028,
  '0029-submission-keys': m0029,
  '0030-text-messages': m0030,
  '0031-kiosk-calls': m0031,
  '0032-push': m0032,
  '0033-consultation-followers': m0033,
  '0034-surveys': m0034,
  '0035-aspiration-facts': m0035,
  '0036-monthly-reports': m0036,
  '0037-tally-deltas': m0037,
  '0038-public-information': m0038,
  '0039-information-requests': m0039,
  '0040-training': m0040,
  '0041-information-from-aspirations': m0041,
  '0042-training-materials': m0042,
  '0043-training-evaluation-surveys': m0043,
  '0044-category-suggestions': m0044,
  '0045-auto-route': m0045,
  '0046-spike-alerts': m0046,
  '0047-news': m0047,
  '0048-member-statements': m0048,
  '0049-lighter-fact-triggers': m0049,
  '0050-aspiration-time-indexes': m0050,
  '0051-outbox-pending-index': m0051,
  '0052-aspiration-words': m0052,
};

/** Thrown when the database could not be brought to the latest schema. */
export class MigrationError extends Error {
  constructor(name: string, cause: unknown) {
    super(`Migration ${name} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(failed, error);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
