/**
 * The aspiration room: time slots staff publish for a desk (the general desk, a komisi or one
 * member), each with a number of places, and the appointments citizens book in them — or that
 * staff enter for people who walk in. `booked` counts the places taken; the check keeps it within
 * the capacity whatever happens at the same moment.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('room_slot')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('desk', 'text', (c) => c.notNull().check(sql`desk in ('umum','komisi','anggota')`))
    .addColumn('body_id', 'integer', (c) => c.references('body.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.references('member.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 1 and 50`))
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('room_slot_places', sql`booked >= 0 and booked <= capacity`)
    .addCheckConstraint('room_slot_times', sql`starts_at < ends_at`)
    .addCheckConstraint(
      'room_slot_desk',
      sql`(desk = 'umum' and body_id is null and member_id is null)
        or (desk = 'komisi' and body_id is not null and member_id is null)
        or (desk = 'anggota' and member_id is not null and body_id is null)`,
    )
    .execute();
  await db.schema.createIndex('room_slot_time_idx').on('room_slot').columns(['council_id', 'starts_at']).execute();

  await db.schema
    .createTable('appointment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    // A walk-in has no slot: the visit is its own time.
    .addColumn('slot_id', 'integer', (c) => c.references('room_slot.id').onDelete('restrict'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('topic', 'text', (c) => c.notNull())
    // The aspiration the visit is about (given when booking) or became (recorded at the desk).
    .addColumn('aspiration_code', 'text')
    .addColumn('name_sealed', 'text', (c) => c.notNull())
    .addColumn('email_sealed', 'text')
    .addColumn('phone_sealed', 'text')
    // The hash of the link that lets the citizen see, move or cancel the appointment.
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('booked').check(sql`status in ('booked','cancelled','checked_in','no_show','done')`),
    )
    .addColumn('walk_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('handled_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('appointment_slot_idx').on('appointment').column('slot_id').execute();
  await db.schema.createIndex('appointment_day_idx').on('appointment').columns(['council_id', 'created_at']).execute();
}
