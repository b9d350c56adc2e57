/**
 * Demo opening times of the aspiration room for the coming three weeks (the general desk every
 * working morning, each komisi on Tuesday and Thursday afternoons) and a few bookings by fictional
 * people, one of them already reminded.
 */
import type { Sealer } from '../../platform/crypto.ts';
import { isWorkingDay } from '../../platform/working-days.ts';
import type { Db } from '../index.ts';

const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);
const dayAfter = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const people: [name: string, email: string, topic: string][] = [
  ['Sri Handayani', 'sri.handayani@contoh.id', 'Ingin menanyakan tindak lanjut usulan perbaikan drainase di RW 05.'],
  [
    'Yusuf Maulana',
    'yusuf.maulana@contoh.id',
    'Menyampaikan keluhan pedagang pasar tentang kenaikan retribusi kebersihan.',
  ],
  ['Dewi Anggraini', 'dewi.anggraini@contoh.id', 'Berdiskusi tentang beasiswa bagi siswa dari keluarga prasejahtera.'],
];

export async function seedDemoAppointments(
  db: Db,
  councilId: number,
  today: string,
  sealer: Sealer,
): Promise<{ slots: number; appointments: number }> {
  const existing = await db.selectFrom('room_slot').select('id').where('council_id', '=', councilId).limit(1).execute();
  if (existing.length > 0) return { slots: 0, appointments: 0 };
  const holidays = new Set((await db.selectFrom('holiday').select('day').execute()).map((h) => h.day));
  const komisi = await db
    .selectFrom('body')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .where('kind', '=', 'komisi')
    .orderBy('slug')
    .execute();
  const rows: {
    council_id: number;
    desk: 'umum' | 'komisi';
    body_id: number | null;
    starts_at: Date;
    ends_at: Date;
    capacity: number;
    place: string;
  }[] = [];
  for (let n = 1; n <= 21; n++) {
    const day = dayAfter(today, n);
    if (!isWorkingDay(day, holidays)) continue;
    for (const time of ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']) {
      const starts = at(day, time);
      rows.push({
        council_id: councilId,
        desk: 'umum',
        body_id: null,
        starts_at: starts,
        ends_at: new Date(starts.getTime() + 30 * 60_000),
        capacity: 2,
        place: 'Ruang Aspirasi, Gedung DPRD Lantai 1',
      });
    }
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 2 || weekday === 4)
      for (const body of komisi)
        for (const time of ['13:00', '14:00']) {
          const starts = at(day, time);
          rows.push({
            council_id: councilId,
            desk: 'komisi',
            body_id: body.id,
            starts_at: starts,
            ends_at: new Date(starts.getTime() + 60 * 60_000),
            capacity: 3,
            place: `Ruang rapat ${body.name}`,
          });
        }
  }
  if (rows.length === 0) return { slots: 0, appointments: 0 };
  const slots = await db.insertInto('room_slot').values(rows).returning(['id', 'starts_at']).execute();
  let appointments = 0;
  for (const [i, [name, email, topic]] of people.entries()) {
    const slot = slots[i * 3];
    if (slot === undefined) break;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('room_slot').set({ booked: 1 }).where('id', '=', slot.id).execute();
      await trx
        .insertInto('appointment')
        .values({
          council_id: councilId,
          slot_id: slot.id,
          code: `JT-DEMO${i + 1}`.slice(0, 9),
          topic,
          name_sealed: sealer.seal(name),
          email_sealed: sealer.seal(email),
          reminded_at: i === 0 ? new Date() : null,
        })
        .execute();
    });
    appointments++;
  }
  return { slots: slots.length, appointments };
}
