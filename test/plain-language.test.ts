/**
 * Plain words (issue 18): every text of the portal, in both languages, in sentences a person on a
 * small screen reads in one go. A long sentence is split, not shortened by a word to pass.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { features } from '../src/features.ts';
import { messages as platformMessages } from '../src/platform/messages.ts';

/** The most words one sentence may have (Indonesian words are longer, so fewer of them). */
const MOST_WORDS = { id: 20, en: 24 } as const;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

describe('plain language', () => {
  test(`no sentence of any text runs past ${MOST_WORDS.id} words (${MOST_WORDS.en} in English)`, () => {
    const catalogues: [string, Record<string, { id: string; en: string }>][] = [
      ['platform', platformMessages],
      ...features.map((f): [string, Record<string, { id: string; en: string }>] => [f.name, f.messages ?? {}]),
    ];
    const long: string[] = [];
    let texts = 0;
    for (const [feature, catalogue] of catalogues)
      for (const [key, text] of Object.entries(catalogue)) {
        texts++;
        for (const lang of ['id', 'en'] as const)
          for (const sentence of sentences(text[lang])) {
            const words = sentence.split(/\s+/).length;
            if (words > MOST_WORDS[lang]) long.push(`${feature} ${key} (${lang}, ${words} words): ${sentence}`);
          }
      }
    assert.ok(texts > 1000, `every catalogue was read (${texts} texts)`);
    assert.deepEqual(long, []);
  });
});
