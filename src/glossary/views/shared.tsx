/** What other features may show from the glossary: a link to the explanation of a council word. */
import type { PageContext } from '../../platform/page-context.ts';
import type { TermSlug } from '../terms.ts';

/** "Apa itu reses?" under a page's introduction, linked to the word's entry on /istilah. */
export function WhatIs({ ctx, slug, word }: { ctx: PageContext; slug: TermSlug; word: string }) {
  return (
    <p>
      <a href={`/istilah#${slug}`}>{ctx.t('glossary.whatIs', { term: word })}</a>
    </p>
  );
}
