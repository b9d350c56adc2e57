/**
 * Similar and repeated cases (issue 21, point 4). For one case, the earlier aspirations most like
 * it by words, place and time, whatever their status, each saying why: so an officer can mark the
 * new one a duplicate of an open one, or start an answer from one given before. The words are the
 * case's topical stems (the same the category model reads), matched as lexemes in the stored
 * full-text vector, so no text is stemmed twice and the GIN index finds the candidates.
 */
import type { CouncilStructure } from '../council/service.ts';
import type { AspirationStatus } from '../db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { bagsOf } from '../platform/indonesian-text.ts';
import * as q from './queries.ts';

export interface SimilarCase {
  code: string;
  title: string;
  status: AspirationStatus;
  receivedAt: Date;
  /** Where it is, as a person reads it: the kelurahan and kecamatan. */
  place: string;
  /** Why it is shown: the words in common (strongest first), and the place it shares. */
  words: string[];
  samePlace: 'kelurahan' | 'kecamatan' | null;
  /** Days between the two. */
  daysBefore: number;
  /** Its latest public answer, to start a new one from. */
  answer: string | null;
}

/** The stems a query uses: the case's most frequent topical ones, safe as tsquery lexemes. */
const MAX_STEMS = 12;
const lexeme = /^[\p{L}\p{N}]+$/u;

function placeOf(structure: CouncilStructure, kecamatanId: number, kelurahanId: number | null): string {
  const kecamatan = structure.kecamatan.find((k) => k.id === kecamatanId);
  const kelurahan = kecamatan?.kelurahan.find((k) => k.id === kelurahanId);
  return [kelurahan?.name, kecamatan?.name].filter((n) => n !== undefined).join(', ');
}

export async function similarCases(
  deps: Pick<Deps, 'db'>,
  structure: CouncilStructure,
  row: {
    id: number;
    title: string;
    description: string;
    received_at: Date;
    category_id: number;
    kecamatan_id: number;
    kelurahan_id: number | null;
  },
  limit = 5,
): Promise<SimilarCase[]> {
  const [bag] = await bagsOf(deps.db, [`${row.title}. ${row.description}`]);
  const stems = [...(bag ?? new Map<string, number>())]
    .filter(([stem]) => lexeme.test(stem))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_STEMS)
    .map(([stem]) => stem);
  const found = await q.similarEarlier(
    deps.db,
    structure.council.id,
    {
      id: row.id,
      receivedAt: row.received_at,
      stems,
      categoryId: row.category_id,
      kecamatanId: row.kecamatan_id,
      kelurahanId: row.kelurahan_id,
    },
    limit,
  );
  const theirs = await bagsOf(
    deps.db,
    found.map((f) => `${f.title}. ${f.description}`),
  );
  return found.map((f, i) => ({
    code: f.code,
    title: f.title,
    status: f.status,
    receivedAt: f.received_at,
    place: placeOf(structure, f.kecamatan_id, f.kelurahan_id),
    words: stems.filter((s) => theirs[i]?.has(s)).slice(0, 5),
    samePlace:
      row.kelurahan_id !== null && f.kelurahan_id === row.kelurahan_id
        ? 'kelurahan'
        : f.kecamatan_id === row.kecamatan_id
          ? 'kecamatan'
          : null,
    daysBefore: Math.floor((row.received_at.getTime() - f.received_at.getTime()) / 86_400_000),
    answer: f.answer,
  }));
}
