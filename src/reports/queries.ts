/** The monthly reports' queries. */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export function reportExists(db: Db, councilId: number, month: string) {
  return db
    .selectFrom('monthly_report')
    .select('id')
    .where('council_id', '=', councilId)
    .where('month', '=', month)
    .executeTakeFirst();
}

/** Keeps a month's report; nothing (undefined) when another instance kept it first. */
export function insertReport(db: Db, values: { council_id: number; month: string; pdf: Uint8Array; xlsx: Uint8Array }) {
  return db
    .insertInto('monthly_report')
    .values(values)
    .onConflict((oc) => oc.columns(['council_id', 'month']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function setRecipients(db: Db, id: number, recipients: number) {
  return db.updateTable('monthly_report').set({ recipients, updated_at: new Date() }).where('id', '=', id).execute();
}

export function listReports(db: Db, councilId: number) {
  return db
    .selectFrom('monthly_report')
    .select([
      'month',
      'created_at',
      'recipients',
      sql<number>`octet_length(pdf)`.as('pdf_bytes'),
      sql<number>`octet_length(xlsx)`.as('xlsx_bytes'),
    ])
    .where('council_id', '=', councilId)
    .orderBy('month', 'desc')
    .execute();
}

export function reportFile(db: Db, councilId: number, month: string, format: 'pdf' | 'xlsx') {
  return db
    .selectFrom('monthly_report')
    .select(format === 'pdf' ? 'pdf as data' : 'xlsx as data')
    .where('council_id', '=', councilId)
    .where('month', '=', month)
    .executeTakeFirst();
}

/**
 * The leadership's addresses: active accounts of the council's administrators and of the members
 * who sit in its pimpinan.
 */
export function leadershipAddresses(db: Db, councilId: number) {
  return db
    .selectFrom('app_user')
    .select('email_sealed')
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('role', '=', 'administrator'),
        eb(
          'member_id',
          'in',
          eb
            .selectFrom('body_membership')
            .innerJoin('body', 'body.id', 'body_membership.body_id')
            .select('body_membership.member_id')
            .where('body.kind', '=', 'pimpinan')
            .where('body.council_id', '=', councilId),
        ),
      ]),
    )
    .orderBy('id')
    .execute();
}
