/**
 * Demo consultations (fictional text and people): an RPJMD chapter open for comments now, and a
 * draft regulation's consultation that closed with every comment answered and its report out.
 */

import type { Db } from '../index.ts';
import type { CommentFate } from '../schema.ts';
import { random } from './random.ts';

const DAY = 86_400_000;
const dayFrom = (today: string, n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const rpjmd = {
  title: 'Rancangan RPJMD 2026–2030, Bab IV: Permasalahan dan Isu Strategis',
  summary:
    'Bab ini menyebut masalah terbesar kota lima tahun ke depan: banjir, kemacetan, sampah, layanan kesehatan dan pekerjaan bagi anak muda. Apakah daftar ini sudah tepat? Apa yang terlewat di lingkungan Anda?',
  sections: [
    {
      heading: 'BAB IV.1 Banjir dan genangan',
      body: 'Genangan terjadi di 38 titik setiap musim hujan, terutama di sepanjang kali dan di permukiman padat. Penyebab utamanya saluran yang tersumbat sampah, daya tampung polder yang kurang, dan alih fungsi daerah resapan. Sasaran: titik genangan berkurang separuh pada akhir 2030.',
    },
    {
      heading: 'BAB IV.2 Kemacetan dan angkutan umum',
      body: 'Waktu tempuh rata-rata pada jam sibuk naik setiap tahun. Angkutan umum belum menjangkau permukiman di pinggir kota dan halte belum ramah bagi penyandang disabilitas. Sasaran: setiap kelurahan terlayani angkutan umum dengan jarak jalan kaki paling jauh 500 meter.',
    },
    {
      heading: 'BAB IV.3 Sampah',
      body: 'Tempat pemrosesan akhir hampir penuh. Baru sebagian kecil sampah rumah tangga dipilah dari sumbernya. Sasaran: bank sampah di setiap RW dan separuh sampah organik diolah di kelurahan.',
    },
    {
      heading: 'BAB IV.4 Layanan kesehatan',
      body: 'Antrean puskesmas panjang pada pagi hari dan angka stunting masih di atas target nasional. Sasaran: pendaftaran puskesmas secara daring di semua kecamatan dan angka stunting turun di bawah 14 persen.',
    },
    {
      heading: 'BAB IV.5 Pekerjaan bagi anak muda',
      body: 'Pengangguran terbuka tertinggi pada lulusan SMA/SMK. Sasaran: pelatihan kerja yang disusun bersama dunia usaha dan satu pusat kewirausahaan di setiap dapil.',
    },
  ],
  comments: [
    [
      0,
      'Rina Wulandari',
      'Di perumahan kami genangan sudah setinggi lutut tiap hujan deras. Mohon polder di dekat kali ikut masuk sasaran, bukan hanya saluran.',
    ],
    [0, '', 'Setuju, dan perlu jadwal pengerukan saluran yang diumumkan ke warga supaya kami bisa ikut kerja bakti.'],
    [
      1,
      'Agus Prasetyo',
      'Angkutan pengumpan ke stasiun sangat dibutuhkan; banyak warga naik ojek karena tidak ada pilihan lain.',
    ],
    [1, '', 'Halte harus punya jalur landai dan lampu. Ibu-ibu pulang kerja malam merasa tidak aman.'],
    [
      2,
      'Dewi Lestari',
      'Bank sampah di RW kami berjalan baik. Pemerintah cukup membantu timbangan dan pengangkutan hasil pilahan.',
    ],
    [
      3,
      'Hendra Gunawan',
      'Pendaftaran daring bagus, tapi lansia perlu tetap dilayani di loket tanpa harus antre sejak subuh.',
    ],
    [4, '', 'Pelatihan kerja sebaiknya ada sertifikatnya dan bekerja sama dengan kawasan industri terdekat.'],
  ] as const,
};

const raperdaSections = [
  {
    heading: 'Pasal 1',
    body: 'Dalam Peraturan Daerah ini yang dimaksud dengan ruang terbuka hijau adalah area memanjang atau mengelompok yang penggunaannya lebih bersifat terbuka, tempat tumbuh tanaman, baik yang tumbuh alami maupun sengaja ditanam.',
    report: 'Warga meminta taman RW disebut jelas; kami menambahkan "taman lingkungan" dalam definisi.',
  },
  {
    heading: 'Pasal 5',
    body: 'Setiap pengembang perumahan wajib menyediakan ruang terbuka hijau paling sedikit 20 persen dari luas lahan yang dibangun dan menyerahkannya kepada Pemerintah Daerah.',
    report:
      'Banyak komentar meminta tenggat penyerahan; Pasal 5 kini memberi tenggat satu tahun setelah serah terima rumah.',
  },
  {
    heading: 'Pasal 9',
    body: 'Masyarakat dapat berperan serta dalam penyediaan, pemanfaatan dan pemeliharaan ruang terbuka hijau melalui kelompok warga.',
    report: 'Usul dana pemeliharaan bagi kelompok warga tidak dapat diatur di perda ini; akan dibahas dalam APBD.',
  },
];

const raperdaComments: [number, string, string, CommentFate, string][] = [
  [
    0,
    'Yusuf Hidayat',
    'Taman kecil di tingkat RW sebaiknya disebut juga supaya tidak dianggap bukan RTH.',
    'accepted',
    'Definisi kini menyebut taman lingkungan.',
  ],
  [
    1,
    'Maria Ulfa',
    'Banyak pengembang tidak pernah menyerahkan fasos-fasum. Harus ada batas waktu dan sanksi.',
    'partly',
    'Batas waktu ditambahkan; sanksi administratif diatur dalam Pasal 14.',
  ],
  [
    1,
    '',
    'Dua puluh persen terlalu kecil untuk perumahan besar; usul 30 persen.',
    'rejected',
    'Angka 20 persen mengikuti peraturan tata ruang nasional; perda tidak boleh lebih rendah, dan lebih tinggi membebani harga rumah.',
  ],
  [
    2,
    'Forum RW 07 Jatiasih (surat tertulis)',
    'Kelompok warga yang merawat taman perlu mendapat bantuan alat dan air.',
    'rejected',
    'Bantuan alat dibahas melalui APBD, bukan perda ini.',
  ],
];

export async function seedDemoConsultations(
  db: Db,
  councilId: number,
  today: string,
): Promise<{ consultations: number }> {
  const existing = await db
    .selectFrom('consultation')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (existing !== undefined) return { consultations: 0 };
  const kecamatan = await db
    .selectFrom('kecamatan')
    .select('id')
    .where('council_id', '=', councilId)
    .orderBy('id')
    .execute();
  const body = await db.selectFrom('body').select(['id', 'slug']).where('council_id', '=', councilId).execute();
  const draft = await db
    .selectFrom('raperda')
    .select(['id', 'title'])
    .where('council_id', '=', councilId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const next = random(16);
  const place = () => kecamatan[Math.floor(next() * kecamatan.length)]?.id ?? null;
  await db.transaction().execute(async (trx) => {
    const open = await trx
      .insertInto('consultation')
      .values({
        council_id: councilId,
        kind: 'rpjmd',
        title: rpjmd.title,
        summary: rpjmd.summary,
        body_id: body.find((b) => b.slug === 'bamus')?.id ?? null,
        opens_on: dayFrom(today, -10),
        comments_from: dayFrom(today, -7),
        comments_until: dayFrom(today, 21),
        report_due: dayFrom(today, 45),
        // The plan is everyone's: people without an account may comment, confirmed by email.
        email_comments: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const openSections = await trx
      .insertInto('consultation_section')
      .values(rpjmd.sections.map((s, i) => ({ consultation_id: open.id, position: i + 1, ...s })))
      .returning('id')
      .execute();
    for (const [n, [section, author, text]] of rpjmd.comments.entries()) {
      await trx
        .insertInto('consultation_comment')
        .values({
          consultation_id: open.id,
          section_id: openSections[section]?.id ?? 0,
          author_label: author,
          origin: 'online',
          body: text,
          kecamatan_id: place(),
          support_count: Math.floor(next() * 12),
          created_at: new Date(Date.parse(`${dayFrom(today, -6 + n)}T03:00:00Z`)),
        })
        .execute();
    }

    const closed = await trx
      .insertInto('consultation')
      .values({
        council_id: councilId,
        kind: 'raperda',
        title: draft?.title ?? 'Raperda tentang Ruang Terbuka Hijau',
        summary:
          'Rancangan ini mengatur berapa luas taman dan ruang hijau yang wajib disediakan pengembang, kapan diserahkan kepada kota, dan bagaimana warga ikut merawatnya.',
        body_id: body.find((b) => b.slug === 'bapemperda')?.id ?? null,
        raperda_id: draft?.id ?? null,
        opens_on: dayFrom(today, -75),
        comments_from: dayFrom(today, -70),
        comments_until: dayFrom(today, -40),
        report_due: dayFrom(today, -10),
        report_summary:
          'Kami menerima komentar dari warga, pengembang dan forum RW. Tenggat penyerahan ruang terbuka hijau dan definisi taman lingkungan kami tambahkan; usul yang menyangkut anggaran kami teruskan ke pembahasan APBD.',
        report_published_at: new Date(Date.parse(`${dayFrom(today, -14)}T04:00:00Z`)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const closedSections = await trx
      .insertInto('consultation_section')
      .values(raperdaSections.map((s, i) => ({ consultation_id: closed.id, position: i + 1, ...s })))
      .returning('id')
      .execute();
    for (const [n, [section, author, text, fate, reason]] of raperdaComments.entries()) {
      const offline = author.includes('surat');
      await trx
        .insertInto('consultation_comment')
        .values({
          consultation_id: closed.id,
          section_id: closedSections[section]?.id ?? 0,
          author_label: author,
          origin: offline ? 'offline' : 'online',
          source: offline ? author : null,
          body: text,
          kecamatan_id: place(),
          support_count: Math.floor(next() * 20),
          fate,
          fate_reason: reason,
          fate_at: new Date(Date.parse(`${dayFrom(today, -20)}T04:00:00Z`)),
          created_at: new Date(Date.parse(`${dayFrom(today, -65 + n * 5)}T03:00:00Z`)),
        })
        .execute();
    }
  });
  return { consultations: 2 };
}
