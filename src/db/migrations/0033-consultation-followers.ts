/**
 * Following a consultation by email or push: the consultation remembers what its followers were
 * last told of its timetable (comments open, closing soon, closed, report out), so the hourly job
 * tells each change once, whichever instance runs it.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('consultation')
    .addColumn('followers_told', 'text', (c) =>
      c.check(sql`followers_told in ('comments', 'closing-soon', 'closing', 'report')`),
    )
    .execute();
  // Consultations already past a point need not announce it to people who follow them from now on.
  await sql`update consultation set followers_told = 'report' where report_published_at is not null`.execute(db);
}
