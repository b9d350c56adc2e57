/**
 * Demo virtual hearings: the latest open plenary or hearing (RDP) already held, streamed and
 * recorded, with citizens' questions answered in the meeting (at a moment of the recording) or in
 * writing afterwards, one merged into another and one rejected; and the next open plenary ahead,
 * with its livestream announced and questions already sent. Names and words are fictional.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../index.ts';

const pastQuestions = [
  {
    body: 'Kapan perbaikan drainase di Jalan Raya Narogong dimulai? Setiap hujan deras jalan tergenang dan macet.',
    asker: 'Rina',
    votes: 41,
    answer: 'Dinas SDA menjadwalkan normalisasi saluran pada triwulan pertama tahun depan; lelang sedang disiapkan.',
    second: 1_245,
  },
  {
    body: 'Bagaimana DPRD mengawasi kuota zonasi sekolah negeri agar anak di kelurahan padat tidak tersisih?',
    asker: '',
    votes: 33,
    answer: null,
    second: 2_310,
  },
  {
    body: 'Apakah anggaran penerangan jalan umum untuk perumahan lama sudah masuk APBD tahun depan?',
    asker: 'Pak Darto',
    votes: 18,
    answer:
      'Belum dibahas dalam rapat karena waktu. Jawaban tertulis: usulan PJU untuk 12 perumahan lama masuk pokok-pokok pikiran dan sedang dibahas di Badan Anggaran.',
    second: null,
  },
  {
    body: 'Mohon jadwal pengangkutan sampah di perumahan kami diumumkan secara terbuka setiap bulan.',
    asker: 'Warga Jatiasih',
    votes: 12,
    answer: 'Komisi meminta DLH mengumumkan jadwal pengangkutan per kelurahan di laman dinas mulai bulan depan.',
    second: 3_020,
  },
];

const comingQuestions = [
  { body: 'Apa target penurunan angka stunting yang akan disahkan dalam rapat ini?', asker: 'Sari', votes: 9 },
  { body: 'Apakah ada tambahan anggaran untuk puskesmas yang buka 24 jam?', asker: '', votes: 5 },
];

const voterKey = (n: number) => `b:${createHash('sha256').update(`demo-voter-${n}`).digest('hex')}`;

export async function seedDemoHearings(db: Db, councilId: number, now = new Date()): Promise<{ hearings: number }> {
  const existing = await db.selectFrom('hearing').select('id').where('council_id', '=', councilId).limit(1).execute();
  if (existing.length > 0) return { hearings: 0 };
  const meetingOf = (past: boolean) =>
    db
      .selectFrom('meeting')
      .select(['id', 'starts_at', 'title'])
      .where('council_id', '=', councilId)
      .where('open', '=', true)
      .where('status', '=', 'scheduled')
      .where('type', 'in', past ? ['paripurna', 'rdp'] : ['paripurna'])
      .where('starts_at', past ? '<' : '>', past ? new Date(now.getTime() - 86_400_000) : now)
      .orderBy('starts_at', past ? 'desc' : 'asc')
      .limit(1)
      .executeTakeFirst();
  const [held, coming] = await Promise.all([meetingOf(true), meetingOf(false)]);
  let hearings = 0;
  let voter = 0;
  await db.transaction().execute(async (trx) => {
    const addVotes = async (questionId: number, n: number) => {
      const votes = Array.from({ length: n }, () => ({ question_id: questionId, voter: voterKey(++voter) }));
      if (votes.length > 0) await trx.insertInto('hearing_vote').values(votes).execute();
    };
    if (held !== undefined) {
      await trx
        .updateTable('meeting')
        .set({
          livestream_url: 'https://www.youtube.com/watch?v=dEm0RaPaT01',
          recording_url: 'https://www.youtube.com/watch?v=dEm0RaPaT01',
        })
        .where('id', '=', held.id)
        .execute();
      const hearing = await trx
        .insertInto('hearing')
        .values({ council_id: councilId, meeting_id: held.id, questions_open: false })
        .returning('id')
        .executeTakeFirstOrThrow();
      hearings++;
      const askedAt = new Date(held.starts_at.getTime() - 3_600_000);
      const ids: number[] = [];
      for (const q of pastQuestions) {
        const row = await trx
          .insertInto('hearing_question')
          .values({
            hearing_id: hearing.id,
            body: q.body,
            asker_label: q.asker,
            status: 'approved',
            votes: q.votes,
            answer: q.answer,
            answer_second: q.second,
            answered_at: new Date(held.starts_at.getTime() + (q.second ?? 86_400) * 1000),
            created_at: askedAt,
            moderated_at: askedAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
        await addVotes(row.id, q.votes);
      }
      await trx
        .insertInto('hearing_question')
        .values([
          {
            hearing_id: hearing.id,
            body: 'Kapan saluran di Narogong dinormalisasi? Banjir terus tiap hujan.',
            asker_label: 'Budi',
            status: 'merged',
            merged_into: ids[0] ?? null,
            created_at: askedAt,
          },
          {
            hearing_id: hearing.id,
            body: 'Promosi jasa pinjaman cepat, hubungi nomor di profil saya.',
            asker_label: 'Promo',
            status: 'rejected',
            created_at: askedAt,
          },
        ])
        .execute();
    }
    if (coming !== undefined) {
      await trx
        .updateTable('meeting')
        .set({ livestream_url: 'https://www.youtube.com/watch?v=dEm0RaPaT02' })
        .where('id', '=', coming.id)
        .execute();
      const hearing = await trx
        .insertInto('hearing')
        .values({ council_id: councilId, meeting_id: coming.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      hearings++;
      for (const q of comingQuestions) {
        const row = await trx
          .insertInto('hearing_question')
          .values({ hearing_id: hearing.id, body: q.body, asker_label: q.asker, status: 'approved', votes: q.votes })
          .returning('id')
          .executeTakeFirstOrThrow();
        await addVotes(row.id, q.votes);
      }
    }
  });
  return { hearings };
}
