/**
 * From what a citizen wrote to the words a classifier counts. Citizens write "jln udh rusak gk
 * diperbaiki2"; PostgreSQL's Indonesian stemmer knows "jalan sudah rusak tidak diperbaiki". So the
 * text is first written out (common short forms, reduplication with "2", repeated letters), then
 * stemmed by the database's `indonesian` text-search configuration (the same that search uses),
 * then the words that say nothing about a topic are dropped.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Bag } from './text-classifier.ts';

/**
 * Short forms seen in SMS and chat Indonesian, and the word each stands for. Only forms that are
 * not themselves words: "sm" (sama) yes, "dan" no.
 */
const SHORT_FORMS: Record<string, string> = {
  jln: 'jalan',
  jl: 'jalan',
  jlan: 'jalan',
  gk: 'tidak',
  ga: 'tidak',
  gak: 'tidak',
  ngga: 'tidak',
  nggak: 'tidak',
  kagak: 'tidak',
  tdk: 'tidak',
  udh: 'sudah',
  udah: 'sudah',
  udeh: 'sudah',
  sdh: 'sudah',
  dah: 'sudah',
  blm: 'belum',
  yg: 'yang',
  dgn: 'dengan',
  dg: 'dengan',
  krn: 'karena',
  krna: 'karena',
  utk: 'untuk',
  tlg: 'tolong',
  mhn: 'mohon',
  sm: 'sama',
  dr: 'dari',
  jg: 'juga',
  skrg: 'sekarang',
  kmrn: 'kemarin',
  thn: 'tahun',
  taun: 'tahun',
  bln: 'bulan',
  hr: 'hari',
  org: 'orang',
  rmh: 'rumah',
  bgt: 'banget',
  bnyk: 'banyak',
  byk: 'banyak',
  sy: 'saya',
  aye: 'saya',
  gw: 'saya',
  gue: 'saya',
  kyk: 'seperti',
  kayak: 'seperti',
  klo: 'kalau',
  kalo: 'kalau',
  gmn: 'bagaimana',
  knp: 'kenapa',
  tp: 'tapi',
  pdhl: 'padahal',
  lg: 'lagi',
  msh: 'masih',
  trs: 'terus',
  mulu: 'terus',
  ujan: 'hujan',
  aer: 'air',
  deket: 'dekat',
  dket: 'dekat',
  dpn: 'depan',
  blkg: 'belakang',
  sklh: 'sekolah',
  ktr: 'kantor',
  kel: 'kelurahan',
  kec: 'kecamatan',
  pemkot: 'pemerintah kota',
  bnjr: 'banjir',
  ortu: 'orang tua',
  anak2: 'anak',
  ibu2: 'ibu',
  warga2: 'warga',
  selokan: 'saluran',
  mampet: 'tersumbat',
  sampe: 'sampai',
  ampe: 'sampai',
  dateng: 'datang',
  dtg: 'datang',
  bener: 'benar',
  ngurus: 'mengurus',
  nanya: 'bertanya',
  nunggu: 'menunggu',
  pake: 'pakai',
  dibenerin: 'diperbaiki',
  dibetulin: 'diperbaiki',
  benerin: 'perbaiki',
  duit: 'uang',
  ilang: 'hilang',
  abis: 'habis',
  item: 'hitam',
  ngamuk: 'mengamuk',
  maling: 'pencuri',
};

/**
 * Words that carry grammar, not topic, as the stemmer leaves them. Counting them only adds noise
 * to the model and to its explanations ("because of: yang, di").
 */
const STOP_WORDS = new Set(
  [
    'yang di ke dari dan atau untuk dengan pada ini itu ada adalah akan sudah belum telah masih',
    'juga saja aja lagi sangat banget tidak bukan kami kita saya aku anda mereka dia ia nya kalau',
    'karena tetapi tapi namun padahal agar supaya bisa dapat harus mohon tolong minta pak bu ibu',
    'bapak mas punten sih dong deh nih kok ya gt sama seperti jadi oleh bagi dalam tanpa hingga',
    'sampai sejak setiap tiap semua para se apa apakah bagaimana kenapa mengapa kapan mana siapa',
    'terus sekarang kemarin hari orang warga kampung kota lebih kurang satu dua tiga lima sekali',
    'hanya cuma doang pun lah kah tah rt rw no nomor kata katanya urang abdi teu pisan kana dina',
    'jeung',
  ]
    .join(' ')
    .split(' '),
);

/** What a citizen wrote, written out so that the stemmer can read it. */
export function writtenOut(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\b([a-z]+)2\b/g, '$1') // "diperbaiki2" = "diperbaiki-diperbaiki"
    .replace(/\b([a-z]+)-\1\b/g, '$1')
    .replace(/([a-z])\1{2,}/g, '$1') // "parahhh"
    .replace(/[a-z0-9]+/g, (word) => SHORT_FORMS[word] ?? word);
}

/** Keeps the stems that can tell topics apart: no grammar words, no numbers, no single letters. */
export function topicalStem(stem: string): boolean {
  return stem.length > 1 && !STOP_WORDS.has(stem) && !/^\d+$/.test(stem);
}

/** How many texts go to the database in one statement. */
const BATCH = 2000;

/** Each text's topical stems with their counts, in the order given. */
export async function bagsOf(db: Db, texts: readonly string[]): Promise<Bag[]> {
  const bags = texts.map(() => new Map<string, number>());
  for (let start = 0; start < texts.length; start += BATCH) {
    const result = await sql<{ ord: string | number; stem: string; n: number }>`
      select t.ord, u.lexeme as stem, cardinality(u.positions) as n
      from unnest(${sql.val(texts.slice(start, start + BATCH).map(writtenOut))}::text[]) with ordinality as t(body, ord),
           unnest(to_tsvector('indonesian', t.body)) as u
    `.execute(db);
    for (const row of result.rows) {
      if (!topicalStem(row.stem)) continue;
      const bag = bags[start + Number(row.ord) - 1] as Map<string, number>;
      bag.set(row.stem, (bag.get(row.stem) ?? 0) + Number(row.n));
    }
  }
  return bags;
}
