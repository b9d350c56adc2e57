/** Demo forum threads (fictional people and words): citizens ask, a member and the secretariat answer. */

import type { Db } from '../index.ts';
import type { ForumRole } from '../schema.ts';

const DAY = 86_400_000;

const threads: {
  komisi: string;
  kecamatan: string | null;
  title: string;
  posts: [author: string, role: ForumRole | null, text: string][];
}[] = [
  {
    komisi: 'komisi-iv',
    kecamatan: 'jatiasih',
    title: 'Antrean puskesmas sejak subuh',
    posts: [
      [
        'Rina Wulandari',
        null,
        'Ibu saya harus antre sejak pukul lima pagi untuk kontrol tekanan darah. Apakah ada rencana pendaftaran daring untuk puskesmas?',
      ],
      [
        'Agus Prasetyo',
        null,
        'Sama di tempat kami. Lansia sebaiknya tetap dilayani di loket khusus supaya tidak kalah cepat dengan yang daring.',
      ],
      [
        'Sekretariat DPRD',
        'staff',
        'Terima kasih. Pertanyaan ini kami teruskan ke Komisi IV dan akan dibahas dalam rapat kerja dengan Dinas Kesehatan.',
      ],
    ],
  },
  {
    komisi: 'komisi-ii',
    kecamatan: 'rawalumbu',
    title: 'Saluran di Jalan Bojong Menteng tersumbat',
    posts: [
      [
        'Hendra Gunawan',
        null,
        'Setiap hujan deras air naik ke jalan karena saluran tertutup sampah dan sedimen. Sudah dua musim belum dikeruk.',
      ],
      [
        'Anggota Komisi II (fiktif)',
        'member',
        'Kami sudah meninjau lokasi saat reses. Pengerukan masuk usulan pokok pikiran untuk tahun depan; kami pantau pelaksanaannya.',
      ],
    ],
  },
  {
    komisi: 'komisi-i',
    kecamatan: null,
    title: 'Jam layanan kelurahan pada hari Sabtu',
    posts: [
      [
        'Dewi Lestari',
        null,
        'Banyak warga bekerja pada hari kerja. Bisakah pelayanan administrasi kelurahan buka setengah hari pada Sabtu?',
      ],
    ],
  },
];

export async function seedDemoForums(db: Db, councilId: number): Promise<{ threads: number }> {
  const existing = await db
    .selectFrom('forum_thread')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (existing !== undefined) return { threads: 0 };
  const bodies = await db.selectFrom('body').select(['id', 'slug']).where('council_id', '=', councilId).execute();
  const kecamatan = await db
    .selectFrom('kecamatan')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .execute();
  let seeded = 0;
  await db.transaction().execute(async (trx) => {
    for (const [n, th] of threads.entries()) {
      const body = bodies.find((b) => b.slug === th.komisi);
      if (body === undefined) continue;
      const start = Date.now() - (10 - n * 3) * DAY;
      const last = new Date(start + (th.posts.length - 1) * DAY);
      const { id } = await trx
        .insertInto('forum_thread')
        .values({
          council_id: councilId,
          body_id: body.id,
          kecamatan_id: kecamatan.find((k) => k.name.toLowerCase().replace(/\s+/g, '-') === th.kecamatan)?.id ?? null,
          title: th.title,
          posts: th.posts.length,
          last_post_at: last,
          created_at: new Date(start),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('forum_post')
        .values(
          th.posts.map(([author, role, text], i) => ({
            thread_id: id,
            author_label: author,
            author_role: role,
            body: text,
            created_at: new Date(start + i * DAY),
          })),
        )
        .execute();
      seeded++;
    }
  });
  return { threads: seeded };
}
