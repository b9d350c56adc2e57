/**
 * The evaluation set of aspiration texts (src/aspirations/evaluation-set.txt): read it, and store
 * it as a council's triaged aspirations, one a day in an order fixed by a seed.
 */
import { readFileSync } from 'node:fs';
import { getCouncil } from '../../src/council/service.ts';
import type { Db } from '../../src/db/index.ts';
import { newToken } from '../../src/platform/crypto.ts';
import { seededRandom } from '../../src/platform/text-classifier.ts';

export interface LabelledText {
  label: string;
  text: string;
}

/** The set's lines: a category slug and a text. */
export function evaluationSet(): LabelledText[] {
  return readFileSync(new URL('../../src/aspirations/evaluation-set.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [label, text] = line.split('|') as [string, string];
      return { label, text };
    });
}

/** Stores the whole set as verified aspirations received one a day from 1 January 2024. */
export async function storeAsTriaged(db: Db, seed: number): Promise<void> {
  const structure = await getCouncil(db);
  const kecamatan = structure.kecamatan[0];
  if (kecamatan === undefined) throw new Error('the council has no kecamatan');
  const set = evaluationSet();
  const random = seededRandom(seed);
  for (let i = set.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [set[i], set[j]] = [set[j] as LabelledText, set[i] as LabelledText];
  }
  const start = Date.UTC(2024, 0, 1);
  await db
    .insertInto('aspiration')
    .values(
      set.map((s, i) => ({
        council_id: structure.council.id,
        code: `ASP-2024-${String(i + 1).padStart(6, '0')}`,
        kind: 'aspirasi' as const,
        category_id: structure.categories.find((c) => c.slug === s.label)?.id ?? 0,
        title: s.text.slice(0, 60),
        description: s.text,
        kecamatan_id: kecamatan.id,
        status: 'verified' as const,
        access_token_hash: newToken().hash,
        received_at: new Date(start + i * 86_400_000),
        verify_due: '2024-01-05',
      })),
    )
    .execute();
}
