/**
 * Demo legal documents for a new portal: FICTIONAL regulations with realistic kinds, numbers,
 * subjects and structure (chapters, articles), written as real PDF files and read back through
 * the same text extraction as an upload, so search works on them as on real ones. They name no
 * real regulation; a council replaces them with its own JDIH.
 */

import type { Insertable } from 'kysely';
import { simplePdf, wrapLines } from '../../platform/pdf.ts';
import type { FileStore } from '../../platform/storage.ts';
import { storeDocument } from '../../platform/uploads.ts';
import type { Db } from '../index.ts';
import type { Database, RegulationType } from '../schema.ts';

interface Demo {
  type: RegulationType;
  number: string;
  year: number;
  title: string;
  subject: string;
  /** Sentences about the matter, used in the articles. */
  matter: string[];
}

const demos: Demo[] = [
  {
    type: 'perda',
    number: '3',
    year: 2019,
    title: 'Pajak Daerah',
    subject: 'Pajak Daerah',
    matter: [
      'Pajak hotel, pajak restoran dan pajak hiburan dipungut oleh Pemerintah Daerah.',
      'Wajib pajak menyampaikan surat pemberitahuan pajak daerah setiap bulan.',
    ],
  },
  {
    type: 'perda',
    number: '1',
    year: 2024,
    title: 'Pajak Daerah dan Retribusi Daerah',
    subject: 'Pajak Daerah',
    matter: [
      'Pajak barang dan jasa tertentu dipungut atas makanan, minuman, perhotelan dan parkir.',
      'Retribusi jasa umum dipungut atas pelayanan persampahan dan kebersihan.',
    ],
  },
  {
    type: 'perda',
    number: '6',
    year: 2021,
    title: 'Penyelenggaraan Bangunan Gedung',
    subject: 'Bangunan Gedung',
    matter: [
      'Setiap pembangunan gedung wajib memiliki persetujuan bangunan gedung.',
      'Pemilik bangunan gedung wajib memelihara keandalan bangunan.',
    ],
  },
  {
    type: 'perda',
    number: '4',
    year: 2025,
    title: 'Perubahan atas Peraturan Daerah Nomor 6 Tahun 2021 tentang Penyelenggaraan Bangunan Gedung',
    subject: 'Bangunan Gedung',
    matter: [
      'Sertifikat laik fungsi diterbitkan paling lama dalam 3 hari kerja setelah pemeriksaan.',
      'Bangunan gedung cagar budaya dilindungi dari pembongkaran.',
    ],
  },
  {
    type: 'perda',
    number: '2',
    year: 2020,
    title: 'Pengelolaan Sampah',
    subject: 'Lingkungan Hidup',
    matter: [
      'Setiap rumah tangga wajib memilah sampah organik dan anorganik.',
      'Bank sampah dibina oleh Dinas Lingkungan Hidup.',
    ],
  },
  {
    type: 'perda',
    number: '5',
    year: 2020,
    title: 'Penyelenggaraan Ketertiban Umum dan Ketenteraman Masyarakat',
    subject: 'Ketertiban Umum',
    matter: [
      'Pedagang kaki lima dilarang berjualan di atas trotoar dan saluran air.',
      'Satuan Polisi Pamong Praja menegakkan peraturan daerah.',
    ],
  },
  {
    type: 'perda',
    number: '7',
    year: 2021,
    title: 'Penyelenggaraan Kesehatan',
    subject: 'Kesehatan',
    matter: [
      'Pusat kesehatan masyarakat memberikan pelayanan kesehatan dasar kepada setiap warga.',
      'Pemerintah Daerah menjamin pelayanan kesehatan bagi penduduk miskin.',
    ],
  },
  {
    type: 'perda',
    number: '8',
    year: 2022,
    title: 'Penyelenggaraan Pendidikan',
    subject: 'Pendidikan',
    matter: [
      'Penerimaan peserta didik baru dilaksanakan secara objektif, transparan dan akuntabel.',
      'Pemerintah Daerah menyediakan beasiswa bagi peserta didik berprestasi dari keluarga tidak mampu.',
    ],
  },
  {
    type: 'perda',
    number: '9',
    year: 2022,
    title: 'Rencana Tata Ruang Wilayah Kota',
    subject: 'Tata Ruang',
    matter: [
      'Ruang terbuka hijau publik paling sedikit dua puluh persen dari luas wilayah kota.',
      'Pemanfaatan ruang wajib sesuai dengan rencana tata ruang.',
    ],
  },
  {
    type: 'perda',
    number: '10',
    year: 2022,
    title: 'Penanggulangan Bencana Daerah',
    subject: 'Kebencanaan',
    matter: [
      'Badan Penanggulangan Bencana Daerah menyusun rencana kontinjensi banjir.',
      'Masyarakat berhak mendapat informasi peringatan dini bencana.',
    ],
  },
  {
    type: 'perda',
    number: '2',
    year: 2023,
    title: 'Penyelenggaraan Perhubungan',
    subject: 'Perhubungan',
    matter: [
      'Angkutan umum dalam trayek wajib memenuhi standar pelayanan minimal.',
      'Parkir di tepi jalan umum diatur oleh Dinas Perhubungan.',
    ],
  },
  {
    type: 'perda',
    number: '3',
    year: 2023,
    title: 'Perlindungan Usaha Mikro, Kecil dan Menengah',
    subject: 'Ekonomi',
    matter: [
      'Pusat perbelanjaan wajib menyediakan ruang usaha bagi usaha mikro.',
      'Pemerintah Daerah memberikan pelatihan dan pendampingan usaha mikro.',
    ],
  },
  {
    type: 'perda',
    number: '4',
    year: 2023,
    title: 'Penyelenggaraan Pasar Rakyat',
    subject: 'Ekonomi',
    matter: [
      'Pembangunan dan revitalisasi pasar rakyat memperhatikan pedagang lama.',
      'Pengelola pasar menjaga kebersihan dan keamanan pasar.',
    ],
  },
  {
    type: 'perda',
    number: '5',
    year: 2023,
    title: 'Kawasan Tanpa Rokok',
    subject: 'Kesehatan',
    matter: [
      'Fasilitas pelayanan kesehatan, tempat belajar dan tempat bermain anak adalah kawasan tanpa rokok.',
      'Pengelola tempat umum wajib memasang tanda kawasan tanpa rokok.',
    ],
  },
  {
    type: 'perda',
    number: '6',
    year: 2023,
    title: 'Penyelenggaraan Perumahan dan Kawasan Permukiman',
    subject: 'Perumahan',
    matter: [
      'Pengembang perumahan wajib menyerahkan prasarana, sarana dan utilitas kepada Pemerintah Daerah.',
      'Peningkatan kualitas permukiman kumuh dilakukan bersama masyarakat.',
    ],
  },
  {
    type: 'perda',
    number: '7',
    year: 2023,
    title: 'Pengelolaan Air Limbah Domestik',
    subject: 'Lingkungan Hidup',
    matter: [
      'Setiap bangunan wajib memiliki instalasi pengolahan air limbah domestik.',
      'Penyedotan lumpur tinja dilakukan secara berkala.',
    ],
  },
  {
    type: 'perda',
    number: '2',
    year: 2024,
    title: 'Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2025',
    subject: 'Keuangan Daerah',
    matter: [
      'Pendapatan daerah terdiri atas pendapatan asli daerah, pendapatan transfer dan lain-lain pendapatan yang sah.',
      'Belanja daerah diprioritaskan untuk urusan pemerintahan wajib pelayanan dasar.',
    ],
  },
  {
    type: 'perda',
    number: '3',
    year: 2024,
    title: 'Pertanggungjawaban Pelaksanaan APBD Tahun Anggaran 2023',
    subject: 'Keuangan Daerah',
    matter: [
      'Laporan keuangan Pemerintah Daerah telah diperiksa oleh Badan Pemeriksa Keuangan.',
      'Sisa lebih pembiayaan anggaran dicatat dalam neraca.',
    ],
  },
  {
    type: 'perda',
    number: '5',
    year: 2024,
    title: 'Penyelenggaraan Perlindungan Anak',
    subject: 'Sosial',
    matter: [
      'Setiap anak berhak atas pengasuhan, pendidikan dan perlindungan dari kekerasan.',
      'Pemerintah Daerah menyediakan rumah aman bagi anak korban kekerasan.',
    ],
  },
  {
    type: 'perda',
    number: '6',
    year: 2024,
    title: 'Penanggulangan Kemiskinan',
    subject: 'Sosial',
    matter: [
      'Data terpadu kesejahteraan sosial dimutakhirkan setiap tahun.',
      'Bantuan sosial disalurkan tepat sasaran melalui rekening penerima.',
    ],
  },
  {
    type: 'perda',
    number: '1',
    year: 2025,
    title: 'Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2026',
    subject: 'Keuangan Daerah',
    matter: [
      'Belanja modal diarahkan pada pembangunan jalan, drainase dan fasilitas pendidikan.',
      'Pembiayaan daerah terdiri atas penerimaan dan pengeluaran pembiayaan.',
    ],
  },
  {
    type: 'perda',
    number: '2',
    year: 2025,
    title: 'Penyelenggaraan Ketenagakerjaan',
    subject: 'Ketenagakerjaan',
    matter: [
      'Perusahaan mengutamakan tenaga kerja lokal sesuai kompetensi.',
      'Pelatihan kerja diselenggarakan oleh balai latihan kerja daerah.',
    ],
  },
  {
    type: 'perda',
    number: '3',
    year: 2025,
    title: 'Penyelenggaraan Kearsipan',
    subject: 'Pemerintahan',
    matter: [
      'Arsip vital Pemerintah Daerah dilindungi dan diselamatkan.',
      'Setiap perangkat daerah menyerahkan arsip statis kepada lembaga kearsipan daerah.',
    ],
  },
  {
    type: 'perda',
    number: '5',
    year: 2025,
    title: 'Penyelenggaraan Penanaman Modal',
    subject: 'Ekonomi',
    matter: [
      'Pelayanan perizinan berusaha diselenggarakan secara elektronik.',
      'Penanam modal wajib melaksanakan tanggung jawab sosial perusahaan.',
    ],
  },
  {
    type: 'perda',
    number: '1',
    year: 2026,
    title: 'Perubahan Kedua atas Peraturan Daerah Nomor 5 Tahun 2020 tentang Penyelenggaraan Ketertiban Umum',
    subject: 'Ketertiban Umum',
    matter: [
      'Sanksi administratif bagi pelanggar ketertiban umum dapat berupa kerja sosial.',
      'Penertiban dilakukan dengan menjunjung hak asasi manusia.',
    ],
  },
  {
    type: 'perwal',
    number: '12',
    year: 2024,
    title: 'Petunjuk Pelaksanaan Pajak Barang dan Jasa Tertentu',
    subject: 'Pajak Daerah',
    matter: [
      'Pembayaran pajak dapat dilakukan melalui kanal pembayaran elektronik.',
      'Wajib pajak restoran menggunakan alat perekam transaksi.',
    ],
  },
  {
    type: 'perwal',
    number: '20',
    year: 2024,
    title: 'Standar Pelayanan Persetujuan Bangunan Gedung',
    subject: 'Bangunan Gedung',
    matter: [
      'Permohonan diajukan melalui sistem informasi manajemen bangunan gedung.',
      'Pemeriksaan dokumen rencana teknis dilakukan oleh tim profesi ahli.',
    ],
  },
  {
    type: 'perwal',
    number: '5',
    year: 2025,
    title: 'Tata Cara Penyaluran Bantuan Sosial',
    subject: 'Sosial',
    matter: ['Calon penerima diverifikasi oleh kelurahan.', 'Penyaluran dilaporkan secara berkala kepada Wali Kota.'],
  },
  {
    type: 'perwal',
    number: '9',
    year: 2025,
    title: 'Penerimaan Peserta Didik Baru',
    subject: 'Pendidikan',
    matter: [
      'Jalur zonasi, afirmasi, perpindahan tugas orang tua dan prestasi.',
      'Pengumuman hasil seleksi dilakukan secara daring.',
    ],
  },
  {
    type: 'keputusan_dprd',
    number: '15',
    year: 2025,
    title: 'Program Pembentukan Peraturan Daerah Tahun 2026',
    subject: 'Pembentukan Perda',
    matter: [
      'Propemperda memuat dua belas rancangan peraturan daerah prioritas.',
      'Bapemperda mengoordinasikan penyusunan Propemperda.',
    ],
  },
  {
    type: 'keputusan_dprd',
    number: '21',
    year: 2025,
    title: 'Rekomendasi DPRD atas Laporan Keterangan Pertanggungjawaban Wali Kota Tahun 2024',
    subject: 'Pengawasan',
    matter: [
      'DPRD merekomendasikan percepatan penanganan banjir dan perbaikan jalan.',
      'Pelayanan kesehatan di puskesmas perlu ditingkatkan.',
    ],
  },
  {
    type: 'peraturan_dprd',
    number: '1',
    year: 2024,
    title: 'Tata Tertib DPRD',
    subject: 'Kelembagaan DPRD',
    matter: [
      'Rapat paripurna dan rapat dengar pendapat umum bersifat terbuka.',
      'Anggota DPRD wajib menyerap dan menindaklanjuti aspirasi konstituen melalui reses.',
    ],
  },
  {
    type: 'peraturan_dprd',
    number: '2',
    year: 2024,
    title: 'Kode Etik DPRD',
    subject: 'Kelembagaan DPRD',
    matter: [
      'Anggota DPRD wajib menjaga martabat dan kehormatan lembaga.',
      'Badan Kehormatan memeriksa dugaan pelanggaran kode etik.',
    ],
  },
  {
    type: 'keputusan_pimpinan',
    number: '7',
    year: 2026,
    title: 'Jadwal Reses Masa Sidang I Tahun 2026',
    subject: 'Kelembagaan DPRD',
    matter: [
      'Reses dilaksanakan paling lama enam hari kerja di daerah pemilihan masing-masing.',
      'Hasil reses dilaporkan dalam rapat paripurna.',
    ],
  },
];

const relations: {
  from: [RegulationType, string, number];
  to: [RegulationType, string, number];
  kind: 'mengubah' | 'mencabut';
}[] = [
  { from: ['perda', '1', 2024], to: ['perda', '3', 2019], kind: 'mencabut' },
  { from: ['perda', '4', 2025], to: ['perda', '6', 2021], kind: 'mengubah' },
  { from: ['perda', '1', 2026], to: ['perda', '5', 2020], kind: 'mengubah' },
];

const typeText: Record<RegulationType, string> = {
  perda: 'PERATURAN DAERAH',
  perwal: 'PERATURAN WALI KOTA',
  keputusan_dprd: 'KEPUTUSAN DPRD',
  peraturan_dprd: 'PERATURAN DPRD',
  keputusan_pimpinan: 'KEPUTUSAN PIMPINAN DPRD',
};

function lines(d: Demo, region: string): string[] {
  return [
    `${typeText[d.type]} ${region.toUpperCase()}`,
    `NOMOR ${d.number} TAHUN ${d.year}`,
    'TENTANG',
    d.title.toUpperCase(),
    '(CONTOH FIKTIF UNTUK DEMONSTRASI DEWAN TERBUKA)',
    '',
    'BAB I KETENTUAN UMUM',
    'Pasal 1',
    `Dalam ketentuan ini yang dimaksud dengan Daerah adalah ${region}.`,
    `Pemerintah Daerah adalah Wali Kota sebagai unsur penyelenggara pemerintahan daerah ${region}.`,
    'BAB II MAKSUD DAN TUJUAN',
    'Pasal 2',
    `Ketentuan tentang ${d.title.toLowerCase()} dimaksudkan untuk memberikan kepastian hukum bagi masyarakat.`,
    'BAB III PENGATURAN',
    ...d.matter.flatMap((m, i) => [`Pasal ${3 + i}`, m]),
    'BAB IV KETENTUAN PENUTUP',
    `Pasal ${3 + d.matter.length}`,
    'Ketentuan ini mulai berlaku pada tanggal diundangkan.',
  ];
}

export async function seedDemoRegulations(
  db: Db,
  councilId: number,
  files: FileStore,
): Promise<{ regulations: number }> {
  const existing = await db
    .selectFrom('regulation')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (existing !== undefined) return { regulations: 0 };
  const council = await db
    .selectFrom('council')
    .select('region_name')
    .where('id', '=', councilId)
    .executeTakeFirstOrThrow();
  const rows: Insertable<Database['regulation']>[] = [];
  for (const [i, d] of demos.entries()) {
    const written = lines(d, council.region_name);
    const pdf = simplePdf(written);
    const file = await storeDocument(files, 'jdih', pdf);
    const month = String(1 + ((i * 5) % 12)).padStart(2, '0');
    const enacted = `${d.year}-${month}-${String(10 + (i % 15)).padStart(2, '0')}`;
    rows.push({
      council_id: councilId,
      type: d.type,
      number: d.number,
      year: d.year,
      title: d.title,
      subject: d.subject,
      enacted_on: enacted,
      promulgated_on: d.type === 'perda' || d.type === 'perwal' ? enacted : null,
      register: d.type === 'perda' ? `Lembaran Daerah ${council.region_name} Tahun ${d.year} Nomor ${d.number}` : null,
      file,
      bytes: pdf.length,
      // The text the file was written from, as reading it back gives it (lines as the page breaks
      // them, the empty one left out). Reading each back through pdf.js, in a worker thread of its
      // own, took 1-3 s a file: the 34 files held the portal's first start, before it answers, for
      // over a minute on a slow machine.
      text: wrapLines(written)
        .filter((line) => line !== '')
        .join('\n'),
    });
  }
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('regulation')
      .values(rows)
      .returning(['id', 'type', 'number', 'year'])
      .execute();
    const find = ([type, number, year]: [RegulationType, string, number]) =>
      inserted.find((r) => r.type === type && r.number === number && r.year === year)?.id;
    for (const rel of relations) {
      const from = find(rel.from);
      const to = find(rel.to);
      if (from === undefined || to === undefined) continue;
      await trx.insertInto('regulation_relation').values({ from_id: from, to_id: to, kind: rel.kind }).execute();
      await trx
        .updateTable('regulation')
        .set({ status: rel.kind === 'mencabut' ? 'dicabut' : 'diubah' })
        .where('id', '=', to)
        .execute();
    }
  });
  return { regulations: rows.length };
}

const demoDrafts: { title: string; initiator: 'dprd' | 'pemerintah'; body: string; stage: number; summary: string }[] =
  [
    {
      title: 'Raperda tentang Penyelenggaraan Cadangan Pangan Daerah',
      initiator: 'dprd',
      body: 'bapemperda',
      stage: 2,
      summary: 'Lumbung pangan kelurahan dan cadangan beras daerah.',
    },
    {
      title: 'Raperda tentang Perlindungan dan Pemberdayaan Penyandang Disabilitas',
      initiator: 'dprd',
      body: 'bapemperda',
      stage: 1,
      summary: 'Aksesibilitas bangunan umum, layanan dan pekerjaan.',
    },
    {
      title: 'Raperda tentang Penyelenggaraan Sistem Drainase Perkotaan',
      initiator: 'pemerintah',
      body: 'komisi-ii',
      stage: 2,
      summary: 'Pembangunan dan pemeliharaan saluran untuk mengurangi banjir.',
    },
    {
      title: 'Raperda tentang Pengelolaan Barang Milik Daerah',
      initiator: 'pemerintah',
      body: 'komisi-iii',
      stage: 3,
      summary: 'Penatausahaan, pemanfaatan dan pemindahtanganan aset daerah.',
    },
    {
      title: 'Raperda tentang Penyelenggaraan Pelayanan Kesehatan Jiwa',
      initiator: 'dprd',
      body: 'komisi-iv',
      stage: 0,
      summary: 'Layanan kesehatan jiwa di puskesmas dan rumah sakit daerah.',
    },
    {
      title: 'Raperda tentang Anggaran Pendapatan dan Belanja Daerah',
      initiator: 'pemerintah',
      body: 'banggar',
      stage: 3,
      summary: 'APBD tahun berikutnya.',
    },
  ];
const draftStages = ['perencanaan', 'penyusunan', 'pembahasan', 'penetapan', 'pengundangan'] as const;

/** FICTIONAL drafts of the year's Propemperda at different stages, for `npm start`. */
export async function seedDemoDrafts(db: Db, councilId: number, year: number): Promise<{ drafts: number }> {
  const existing = await db
    .selectFrom('raperda')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (existing !== undefined) return { drafts: 0 };
  const bodies = await db.selectFrom('body').select(['id', 'slug']).where('council_id', '=', councilId).execute();
  await db.transaction().execute(async (trx) => {
    for (const d of demoDrafts) {
      const { id } = await trx
        .insertInto('raperda')
        .values({
          council_id: councilId,
          propemperda_year: year,
          title: d.title,
          initiator: d.initiator,
          summary: d.summary,
          stage: draftStages[d.stage] ?? 'perencanaan',
          body_id: bodies.find((b) => b.slug === d.body)?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('raperda_step')
        .values(
          draftStages.slice(0, d.stage + 1).map((stage, i) => ({
            raperda_id: id,
            stage,
            happened_on: `${year}-${String(2 + i * 3).padStart(2, '0')}-15`,
            note: i === 0 ? `Dimuat dalam Propemperda ${year}.` : null,
          })),
        )
        .execute();
    }
  });
  return { drafts: demoDrafts.length };
}
