/**
 * Demo news: two months of fictional posts across the five categories, each about a past meeting
 * of the demo agenda, a regulation, a draft, a project or a consultation where one fits, and naming
 * members of the council, marked as fictional.
 */
import { parseRichText } from '../../platform/rich-text.ts';
import { slugify } from '../../platform/slug.ts';
import type { Db } from '../index.ts';
import type { MeetingType, NewsCategory } from '../schema.ts';
import { random } from './random.ts';

interface Story {
  category: NewsCategory;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  /** The kind of meeting it is about, when it is about one. */
  meeting?: MeetingType;
  /** Other records it is about, found by words of their titles (left out when the demo has none). */
  about?: { kind: 'regulation' | 'draft' | 'project' | 'consultation'; words: string }[];
  daysAgo: number;
}

const aboutTable = {
  regulation: 'regulation',
  draft: 'raperda',
  project: 'project',
  consultation: 'consultation',
} as const;

const FICTIONAL = '<p><em>Berita contoh untuk demo portal. Isinya fiktif.</em></p>';

const stories: Story[] = [
  {
    category: 'paripurna',
    title: 'Rapat paripurna menyetujui dua Raperda menjadi Perda',
    summary: 'DPRD menyetujui Raperda Bangunan Gedung dan Raperda Cadangan Pangan dalam rapat paripurna.',
    body: '<p>Rapat paripurna dihadiri sebagian besar anggota DPRD dan Wali Kota.</p><h2>Yang disetujui</h2><ul><li>Raperda Bangunan Gedung</li><li>Raperda Cadangan Pangan Daerah</li></ul><p>Naskah lengkapnya akan tersedia di <a href="/perda">daftar peraturan daerah</a> setelah diundangkan.</p>',
    tags: ['perda', 'paripurna'],
    meeting: 'paripurna',
    about: [
      { kind: 'draft', words: 'Cadangan Pangan' },
      { kind: 'regulation', words: 'Bangunan Gedung' },
    ],
    daysAgo: 3,
  },
  {
    category: 'komisi',
    title: 'Komisi menggelar rapat dengar pendapat soal banjir',
    summary: 'Komisi yang membidangi infrastruktur memanggil dinas terkait untuk membahas genangan di musim hujan.',
    body: '<p>Rapat membahas saluran yang tersumbat dan rencana normalisasi kali.</p><blockquote>Kami minta jadwal pengerukan diumumkan kepada warga.</blockquote><p>Warga dapat mengirim laporan lewat <a href="/aspirasi/baru">formulir aspirasi</a>.</p>',
    tags: ['banjir', 'infrastruktur'],
    meeting: 'rdp',
    about: [{ kind: 'draft', words: 'Drainase' }],
    daysAgo: 8,
  },
  {
    category: 'reses',
    title: 'Anggota DPRD menyerap aspirasi warga pada masa reses',
    summary: 'Selama reses, anggota DPRD menemui warga di setiap daerah pemilihan dan mencatat usulan mereka.',
    body: '<p>Usulan terbanyak menyangkut jalan lingkungan, penerangan jalan, dan layanan kesehatan.</p><p>Laporan reses setiap anggota dapat dibaca di <a href="/reses">halaman reses</a>.</p>',
    tags: ['reses', 'aspirasi'],
    daysAgo: 14,
  },
  {
    category: 'kunjungan_kerja',
    title: 'Kunjungan kerja ke proyek pembangunan sekolah',
    summary: 'Anggota komisi meninjau pembangunan gedung sekolah dan meminta pekerjaan selesai tepat waktu.',
    body: '<p>Dalam kunjungan ini anggota komisi memeriksa mutu bangunan dan keselamatan pekerja.</p><p>Perkembangan proyek dapat diikuti di <a href="/proyek">halaman proyek</a>.</p>',
    tags: ['pendidikan', 'proyek'],
    about: [{ kind: 'project', words: 'Ruang Kelas Baru' }],
    daysAgo: 19,
  },
  {
    category: 'siaran_pers',
    title: 'Siaran pers: DPRD membuka konsultasi publik RPJMD',
    summary: 'Warga diundang memberi masukan pada rancangan RPJMD, pasal demi pasal, selama masa konsultasi.',
    body: '<p>Masukan dapat dikirim secara daring atau langsung di ruang aspirasi.</p><ol><li>Baca rancangan di <a href="/konsultasi">halaman konsultasi</a>.</li><li>Beri pendapat pada bagian yang Anda pilih.</li></ol>',
    tags: ['rpjmd', 'konsultasi publik'],
    about: [{ kind: 'consultation', words: 'RPJMD' }],
    daysAgo: 24,
  },
  {
    category: 'paripurna',
    title: 'Paripurna mendengar pandangan fraksi atas rancangan APBD',
    summary: 'Setiap fraksi menyampaikan pandangan umum atas rancangan APBD tahun depan.',
    body: '<p>Fraksi-fraksi menyoroti belanja pendidikan, kesehatan, dan penanganan banjir.</p><p>Rincian anggaran dapat dilihat di <a href="/anggaran">halaman anggaran</a>.</p>',
    tags: ['apbd', 'anggaran'],
    meeting: 'paripurna',
    daysAgo: 30,
  },
  {
    category: 'komisi',
    title: 'Komisi membahas layanan puskesmas bersama dinas kesehatan',
    summary: 'Antrean panjang dan jam layanan puskesmas menjadi bahasan utama rapat kerja komisi.',
    body: '<p>Komisi meminta jam layanan sore di puskesmas yang padat.</p><p>Dinas kesehatan akan melaporkan kemajuannya dalam rapat berikutnya.</p>',
    tags: ['kesehatan', 'puskesmas'],
    meeting: 'komisi',
    daysAgo: 36,
  },
  {
    category: 'kunjungan_kerja',
    title: 'Kunjungan kerja meninjau pasar tradisional',
    summary: 'Anggota DPRD meninjau kondisi pasar dan mendengar keluhan pedagang tentang atap bocor dan drainase.',
    body: '<p>Pedagang meminta perbaikan atap sebelum puncak musim hujan.</p><p>Temuan kunjungan akan dibahas bersama dinas perdagangan.</p>',
    tags: ['pasar', 'umkm'],
    about: [{ kind: 'regulation', words: 'Pasar Rakyat' }],
    daysAgo: 43,
  },
  {
    category: 'siaran_pers',
    title: 'Siaran pers: jadwal layanan ruang aspirasi selama libur akhir tahun',
    summary: 'Ruang aspirasi tutup pada hari libur nasional dan cuti bersama; aspirasi daring tetap diterima.',
    body: '<p>Aspirasi yang dikirim saat libur diproses pada hari kerja berikutnya.</p><p>Buat janji temu di <a href="/janji-temu">halaman janji temu</a>.</p>',
    tags: ['layanan', 'ruang aspirasi'],
    daysAgo: 50,
  },
  {
    category: 'reses',
    title: 'Hasil reses dirangkum menjadi pokok-pokok pikiran DPRD',
    summary: 'Usulan warga dari reses dirangkum menjadi pokir untuk rencana kerja pemerintah daerah.',
    body: '<p>Setiap usulan dicatat dengan lokasi dan perkiraan biayanya.</p><p>Jejaknya dapat diikuti di <a href="/pokir">halaman pokir</a>.</p>',
    tags: ['pokir', 'reses'],
    daysAgo: 57,
  },
];

export async function seedDemoNews(db: Db, councilId: number, now = new Date()): Promise<{ posts: number }> {
  const any = await db
    .selectFrom('news_post')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (any !== undefined) return { posts: 0 };
  const members = await db
    .selectFrom('member')
    .select('id')
    .where('council_id', '=', councilId)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  const next = random(23);
  for (const story of stories) {
    const at = new Date(now.getTime() - story.daysAgo * 86_400_000);
    const body = parseRichText(`${story.body}${FICTIONAL}`);
    if (!body.ok) throw new Error(`demo news "${story.title}": ${body.problem} ${body.detail}`);
    const meeting =
      story.meeting === undefined
        ? undefined
        : await db
            .selectFrom('meeting')
            .select('id')
            .where('council_id', '=', councilId)
            .where('type', '=', story.meeting)
            .where('starts_at', '<=', at)
            .orderBy('starts_at', 'desc')
            .limit(1)
            .executeTakeFirst();
    const { id } = await db
      .insertInto('news_post')
      .values({
        council_id: councilId,
        slug: slugify(story.title),
        title: story.title,
        summary: `${story.summary} (Fiktif)`,
        body_html: body.html,
        body_text: body.text,
        category: story.category,
        tags: story.tags,
        status: 'published',
        published_at: at,
        photo_alt: '',
        author_id: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const named = new Set(
      Array.from({ length: 1 + Math.floor(next() * 3) }, () => members[Math.floor(next() * members.length)]?.id),
    );
    const records = [];
    for (const { kind, words } of story.about ?? []) {
      const found = await db
        .selectFrom(aboutTable[kind])
        .select('id')
        .where('council_id', '=', councilId)
        .where(kind === 'project' ? 'name' : 'title', 'ilike', `%${words}%`)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (found !== undefined) records.push({ post_id: id, kind, target_id: found.id });
    }
    const links = [
      ...records,
      ...[...named].flatMap((m) => (m === undefined ? [] : [{ post_id: id, kind: 'member' as const, target_id: m }])),
      ...(meeting === undefined ? [] : [{ post_id: id, kind: 'meeting' as const, target_id: meeting.id }]),
    ];
    if (links.length > 0) await db.insertInto('news_link').values(links).execute();
  }
  return { posts: stories.length };
}
