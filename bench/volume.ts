/**
 * Fills a fresh database with the volume a busy council reaches after some years: aspirations with
 * their timelines, meetings, legal documents with full text, projects with reports, a budget year.
 * Generated in SQL with generate_series, so 100 000 aspirations take seconds, not hours. All of it
 * is fictional and marked so.
 */
import { type RawBuilder, sql } from 'kysely';
import { getCouncil } from '../src/council/service.ts';
import type { Db } from '../src/db/index.ts';
import { seedDemoBudget } from '../src/db/seed/budget.ts';
import { continueYearlyNumbers } from '../src/platform/yearly-numbers.ts';

export interface Volume {
  aspirations: number;
  meetings: number;
  regulations: number;
  projects: number;
  /** Comments on one open consultation of twelve sections, with replies, supports and views. */
  comments: number;
}

export const words = [
  'jalan',
  'rusak',
  'berlubang',
  'banjir',
  'drainase',
  'sampah',
  'lampu',
  'penerangan',
  'sekolah',
  'puskesmas',
  'pasar',
  'taman',
  'trotoar',
  'parkir',
  'macet',
  'bantuan',
  'sosial',
  'air',
  'bersih',
  'pelayanan',
  'kelurahan',
  'pembangunan',
  'perbaikan',
  'saluran',
  'jembatan',
  'genangan',
  'warga',
  'mohon',
  'segera',
  'diperbaiki',
];

/**
 * What citizens write about, the most written-about first. An aspiration is about one topic; its
 * text draws most of its words from that topic's list, the rest from words any report uses, little
 * words ("yang", "di"), names (the kelurahan it is in, and a long tail of street, shop and person
 * names) — so words are as unevenly used as in real text, with common words that go together
 * ("jalan rusak") and common words that seldom do ("banjir" and "sekolah"). Topics and words are
 * drawn by Zipf's law (the k-th about 1/k as often as the first), the rule word counts follow.
 * The other documents are still made from `words`.
 */
export const topics: readonly (readonly string[])[] = [
  ['jalan', 'rusak', 'berlubang', 'aspal', 'perbaikan', 'retak', 'kendaraan', 'kecelakaan', 'tambal', 'licin'],
  ['banjir', 'genangan', 'drainase', 'saluran', 'hujan', 'tersumbat', 'got', 'meluap', 'pompa', 'tanggul'],
  ['sampah', 'menumpuk', 'bau', 'angkut', 'truk', 'tps', 'liar', 'kebersihan', 'dibakar', 'petugas'],
  ['lampu', 'penerangan', 'mati', 'gelap', 'tiang', 'malam', 'rawan', 'padam', 'kabel', 'pju'],
  ['air', 'pdam', 'bersih', 'keruh', 'mengalir', 'pipa', 'bocor', 'tagihan', 'meteran', 'sumur'],
  ['puskesmas', 'dokter', 'obat', 'bpjs', 'antrean', 'pasien', 'sakit', 'posyandu', 'imunisasi', 'ambulans'],
  ['sekolah', 'guru', 'murid', 'zonasi', 'ppdb', 'seragam', 'kelas', 'gedung', 'beasiswa', 'atap'],
  ['bantuan', 'sosial', 'sembako', 'lansia', 'disabilitas', 'dtks', 'miskin', 'kartu', 'blt', 'terdaftar'],
  ['macet', 'parkir', 'trotoar', 'angkot', 'pedagang', 'rambu', 'penyeberangan', 'persimpangan', 'ojek', 'terminal'],
  ['izin', 'bangunan', 'pabrik', 'limbah', 'bising', 'polusi', 'debu', 'pbg', 'gudang', 'cerobong'],
  ['ktp', 'kk', 'akta', 'pelayanan', 'lambat', 'pungutan', 'loket', 'dukcapil', 'antre', 'berkas'],
  ['taman', 'fasum', 'lapangan', 'olahraga', 'bermain', 'anak', 'terbengkalai', 'pohon', 'tumbang', 'rindang'],
];
const topicSize = 10;

/** Words a report on any topic uses. */
export const commonWords =
  'warga mohon segera kondisi sudah belum lama sangat mengganggu tolong rt rw lingkungan dinas tindak lanjut bulan minggu tahun depan dekat perumahan gang kampung membahayakan laporan keluhan diperbaiki pemerintah kota ibu bapak anak pagi sore setiap hari rumah kami sekitar'.split(
    ' ',
  );

/** The little words every text has; a search sometimes has one too. */
export const functionWords =
  'yang di dan ke dari untuk tidak ada ini itu dengan karena pada akan sejak oleh juga masih sampai agar'.split(' ');

/** Street, shop and person names: the long tail of a real vocabulary, each seldom used (drawn evenly). */
export const names = (() => {
  const syllables =
    'ba ca da ga ja ka la ma na pa ra sa ta wa bi di ki li mi ni ri si ti bu du ku lu mu nu ru su tu wi jo ko lo mo no ro so'.split(
      ' ',
    );
  const n = syllables.length;
  return Array.from(
    { length: 3000 },
    // Three syllables from k's three digits in base n (the third shifted by k, for variety): distinct.
    (_, k) =>
      `${syllables[k % n]}${syllables[(7 + Math.floor(k / n)) % n]}${syllables[(Math.floor(k / n / n) + k) % n]}`,
  );
})();

/** Aspirations' titles and texts, as text[] in SQL, one word each per Zipf rank: see `topics`. */
function realisticTexts() {
  if (topics.some((t) => t.length !== topicSize)) throw new Error(`every topic has ${topicSize} words`);
  const list = (items: readonly string[]) => sql`${sql.val(items)}::text[]`;
  // A uniform number in [0, 1) from the aspiration and the word's place, the same on every engine
  // and every run (random() is not, and would differ between the two engines' volumes).
  const uniform = (salt: string, place: RawBuilder<unknown>) =>
    sql`(('x' || substr(md5(${sql.lit(salt)} || i || '.' || ${place}), 1, 8))::bit(32)::bigint / 4294967296.0)`;
  // Zipf over n ranked items, 1-based: rank = floor((n + 1)^u).
  const zipf = (n: number, u: RawBuilder<unknown>) =>
    sql`least(${sql.lit(n)}, floor(exp(${u} * ln(${sql.lit(n + 1)}))))::int`;
  const topic = zipf(topics.length, uniform('t', sql`0`));
  const topicWord = (place: RawBuilder<unknown>) =>
    sql`(${list(topics.flat())})[(${topic} - 1) * ${sql.lit(topicSize)} + ${zipf(topicSize, uniform('w', place))}]`;
  const evenly = (items: readonly string[], salt: string) =>
    sql`(${list(items)})[1 + floor(${uniform(salt, sql`j`)} * ${sql.lit(items.length)})::int]`;
  // Of every eight words: two little ones, one common, one name, four of the topic.
  const word = sql`case
      when j % 4 = 1 then ${evenly(functionWords, 'f')}
      when j % 8 = 3 then (${list(commonWords)})[${zipf(commonWords.length, uniform('c', sql`j`))}]
      when j % 8 = 7 then ${evenly(names, 'n')}
      else ${topicWord(sql`j`)} end`;
  return {
    title: sql`initcap(${topicWord(sql`100`)}) || ' ' || ${topicWord(sql`101`)}`,
    description: sql`(select string_agg(${word}, ' ' order by j) from generate_series(1, 24) as j)`,
  };
}

export async function fillVolume(db: Db, volume: Volume, year: number): Promise<{ places: string[] }> {
  const structure = await getCouncil(db);
  const councilId = structure.council.id;
  const categories = structure.categories.map((c) => c.id);
  const kelurahan = structure.kecamatan.flatMap((k) =>
    k.kelurahan.map((kel) => ({
      kel: kel.id,
      name: kel.name,
      kec: k.id,
      dapil: structure.dapil.find((d) => d.number === k.dapilNumber)?.id ?? null,
      lat: kel.lat,
      lon: kel.lon,
    })),
  );
  const komisi = structure.bodies.filter((b) => b.kind === 'komisi').map((b) => b.id);
  const wordList = sql.raw(`array[${words.map((w) => `'${w}'`).join(',')}]`);
  const kelList = sql.raw(`array[${kelurahan.map((k) => k.kel).join(',')}]`);
  const kecList = sql.raw(`array[${kelurahan.map((k) => k.kec).join(',')}]`);
  const dapilList = sql.raw(`array[${kelurahan.map((k) => k.dapil ?? 'null').join(',')}]::int[]`);
  const latList = sql.raw(`array[${kelurahan.map((k) => k.lat ?? 'null').join(',')}]::float8[]`);
  const lonList = sql.raw(`array[${kelurahan.map((k) => k.lon ?? 'null').join(',')}]::float8[]`);
  const catList = sql.raw(`array[${categories.join(',')}]`);
  const komisiList = sql.raw(`array[${komisi.join(',')}]`);
  const n = kelurahan.length;
  const places = kelurahan.map((k) => k.name);
  const placeList = sql`${sql.val(places)}::text[]`;
  const text = realisticTexts();

  // Aspirations: spread over the last two years, most handled, a third with a pin. Numbered in the
  // order they arrived, as a council's are: the newest has the highest id, which "newest first"
  // lists rely on (numbered the other way, a list of the last 90 days walked 88 000 rows to find
  // its first 1 000).
  await sql`
    insert into aspiration (council_id, code, kind, category_id, title, description, kecamatan_id, kelurahan_id,
      dapil_id, lat, lon, channel, status, komisi_id, access_token_hash, supporters, received_at, verify_due)
    select ${councilId},
      'ASP-' || extract(year from r.at)::int || '-' || lpad(i::text, 6, '0'),
      (array['aspirasi','pengaduan','pengaduan','informasi'])[1 + i % 4],
      (${catList})[1 + i % ${categories.length}],
      ${text.title} || ' di ' || (${placeList})[1 + i % ${n}] || ' (contoh fiktif)',
      'Warga ' || (${placeList})[1 + i % ${n}] || ' melaporkan: ' || ${text.description} || '. Laporan nomor ' || i || '.',
      (${kecList})[1 + i % ${n}],
      (${kelList})[1 + i % ${n}],
      (${dapilList})[1 + i % ${n}],
      case when i % 3 = 0 then (${latList})[1 + i % ${n}] + ((i % 97) - 48) * 0.00005 end,
      case when i % 3 = 0 then (${lonList})[1 + i % ${n}] + ((i % 89) - 44) * 0.00005 end,
      'web',
      (array['received','verified','forwarded','forwarded','resolved','resolved','resolved','rejected'])[1 + i % 8],
      case when i % 8 between 2 and 6 then (${komisiList})[1 + i % ${komisi.length}] end,
      md5('bench-' || i),
      (i * 37) % 23,
      r.at,
      (r.at + interval '5 days')::date
    from generate_series(1, ${volume.aspirations}) as i,
      lateral (select ${`${year}-11-28T12:00:00+07:00`}::timestamptz - ((${volume.aspirations} + 1 - i) * interval '631 seconds') as at) r
  `.execute(db);
  // Timelines: received for all, then the steps each status implies, with public texts.
  await sql`
    insert into aspiration_event (aspiration_id, kind, public, body, details, created_at)
    select a.id, 'received', true, null, '{"channel":"web"}', a.received_at from aspiration a
    union all
    select a.id, 'verified', true, null, '{}', a.received_at + interval '1 day' from aspiration a
      where a.status in ('verified','forwarded','resolved')
    union all
    select a.id, 'forwarded', true, null, '{"komisi":"Komisi II","dapil":null}', a.received_at + interval '2 days' from aspiration a
      where a.status in ('forwarded','resolved')
    union all
    select a.id, 'response', true, 'Terima kasih, laporan ini sudah kami teruskan kepada dinas terkait untuk ditinjau.', '{}',
      a.received_at + interval '4 days' from aspiration a where a.status in ('forwarded','resolved')
    union all
    select a.id, 'resolved', true, 'Perbaikan sudah dikerjakan dinas terkait.', '{}', a.received_at + interval '9 days' from aspiration a
      where a.status = 'resolved'
  `.execute(db);
  await sql`update aspiration set resolved_at = received_at + interval '9 days' where status = 'resolved' and resolved_at is null`.execute(
    db,
  );
  // New submissions continue after the generated codes.
  const lastOfYear = await sql<{ year: number; last: number }>`
    select extract(year from received_at)::int as year, max(substr(code, 10)::int) as last from aspiration group by 1`.execute(
    db,
  );
  for (const { year: y, last } of lastOfYear.rows)
    await continueYearlyNumbers(db, 'aspiration', Number(y), Number(last));

  // Meetings: komisi hearings and plenaries over the years, open, with agenda items.
  await sql`
    insert into meeting (council_id, uid, type, body_id, title, agenda_items, starts_at, place, open, minutes, decisions)
    select ${councilId}, 'bench-' || i || '@dewan-terbuka',
      case when i % 5 = 0 then 'paripurna' else 'komisi' end,
      case when i % 5 = 0 then null else (${komisiList})[1 + i % ${komisi.length}] end,
      case when i % 5 = 0 then 'Rapat Paripurna ' || i else 'Rapat kerja komisi tentang ' || (${wordList})[1 + i % 30] || ' ' || (${wordList})[1 + (i * 7) % 30] end || ' (contoh fiktif)',
      array['Paparan mitra kerja', 'Tanya jawab', 'Kesimpulan'],
      ${`${year}-12-31T09:00:00+07:00`}::timestamptz - (i * interval '9 hours 17 minutes'),
      'Ruang Rapat', true,
      case when i > 40 then 'Notulen rapat: ' || (${wordList})[1 + i % 30] || ' dibahas bersama mitra.' end,
      case when i > 40 then 'Komisi meminta dinas menindaklanjuti ' || (${wordList})[1 + (i * 3) % 30] || '.' end
    from generate_series(1, ${volume.meetings}) as i
  `.execute(db);

  // Legal documents with a page of text each, searchable like real ones.
  await sql`
    insert into regulation (council_id, type, number, year, title, subject, enacted_on, status, text)
    select ${councilId}, 'perda', (1 + i % 40)::text, 1990 + i / 40,
      'Peraturan Daerah tentang ' || initcap((${wordList})[1 + i % 30]) || ' dan ' || initcap((${wordList})[1 + (i * 7) % 30]) || ' (contoh fiktif)',
      initcap((${wordList})[1 + (i * 5) % 30]),
      make_date(1990 + i / 40, 1 + i % 12, 1 + i % 28), 'berlaku',
      (select string_agg('Pasal ' || p || '. Penyelenggaraan ' || (${wordList})[1 + (i * p) % 30] || ' dan ' || (${wordList})[1 + (i + p * 3) % 30]
        || ' dilaksanakan oleh Pemerintah Daerah dengan memperhatikan pembangunan berkelanjutan.', ' ') from generate_series(1, 40) p)
    from generate_series(0, ${volume.regulations - 1}) as i
  `.execute(db);

  // Projects with a report a month.
  await sql`
    insert into project (council_id, name, description, opd, komisi_id, kecamatan_id, kelurahan_id, lat, lon, budget, realised,
      funding_source, year, starts_on, ends_on, progress, status)
    select ${councilId}, 'Perbaikan ' || (${wordList})[1 + i % 30] || ' nomor ' || i || ' (contoh fiktif)', 'Contoh fiktif untuk uji beban.',
      'Dinas Bina Marga dan Sumber Daya Air', (${komisiList})[1 + i % ${komisi.length}],
      (${kecList})[1 + i % ${n}], (${kelList})[1 + i % ${n}], (${latList})[1 + i % ${n}], (${lonList})[1 + i % ${n}],
      1000000000::bigint + (i % 50) * 100000000::bigint, (i % 50) * 50000000::bigint, 'APBD', ${year} - i % 4,
      make_date(${year} - i % 4, 1 + i % 9, 1), make_date(${year} - i % 4, 10 + i % 3, 28), (i * 7) % 101,
      (array['perencanaan','pengadaan','berjalan','berjalan','selesai','terhambat'])[1 + i % 6]
    from generate_series(1, ${volume.projects}) as i
  `.execute(db);
  await sql`
    insert into project_update (project_id, happened_on, progress, note)
    select p.id, p.starts_on + m * 30, least(100, m * 15), 'Laporan bulanan ke-' || m || '.'
    from project p, generate_series(1, 6) m where p.starts_on + m * 30 <= current_date
  `.execute(db);
  await seedDemoBudget(db, councilId, year);

  // One consultation open for comments, its twelve articles commented on unevenly (the third
  // draws a quarter of them), every tenth comment a reply, with supports counted.
  const consultation = await db
    .insertInto('consultation')
    .values({
      council_id: councilId,
      kind: 'raperda',
      title: 'Konsultasi publik Raperda tentang Pengelolaan Air Limbah (contoh fiktif)',
      summary: 'Rancangan ini mengatur sambungan air limbah rumah tangga, tarif dan pengawasannya.',
      opens_on: `${year - 1}-01-01`,
      comments_from: `${year - 1}-01-02`,
      comments_until: `${year + 1}-12-31`,
      report_due: `${year + 2}-01-31`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    insert into consultation_section (consultation_id, position, heading, body)
    select ${consultation.id}, i, 'Pasal ' || i,
      'Setiap rumah tangga wajib menyalurkan ' || (${wordList})[1 + i % 30] || ' ke jaringan air limbah dan '
        || (${wordList})[1 + (i * 7) % 30] || ' sesuai ketentuan Peraturan Daerah ini (contoh fiktif).'
    from generate_series(1, 12) as i`.execute(db);
  await sql`
    insert into consultation_comment (consultation_id, section_id, author_label, origin, body, kecamatan_id,
      support_count, created_at)
    select ${consultation.id}, s.id, case when i % 3 = 0 then '' else 'Warga ' || i end, 'online',
      'Usul tentang ' || (${wordList})[1 + i % 30] || ' ' || (${wordList})[1 + (i * 7) % 30] || ': mohon '
        || (${wordList})[1 + (i * 3) % 30] || ' diatur lebih jelas (komentar nomor ' || i || ', contoh fiktif).',
      (${kecList})[1 + i % ${n}], i % 23, now() - (i || ' minutes')::interval
    from generate_series(1, ${volume.comments}) as i
    join consultation_section s on s.consultation_id = ${consultation.id}
      and s.position = case when i % 4 = 0 then 3 else 1 + i % 12 end`.execute(db);
  await sql`
    update consultation_comment c set parent_id = p.id
    from consultation_comment p
    where c.consultation_id = ${consultation.id} and c.id % 10 = 0 and p.id = c.id - 1
      and p.section_id = c.section_id and p.id % 10 <> 0`.execute(db);
  // As autovacuum would soon after such a load: the rows' visibility is recorded and the search
  // indexes' pending entries merged (a fresh bulk load left them in a list every search read
  // through: half the searches a second until vacuumed).
  await sql`vacuum analyze`.execute(db);
  return { places };
}
