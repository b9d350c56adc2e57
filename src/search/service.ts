/**
 * One search over the council's public record: members by name, meetings, regulations, projects,
 * news and aspirations by their words. Each part asks its own feature (through its service), so what
 * is private there (a closed meeting, a confidential report) stays out here too.
 */
import { agenda } from '../agenda/service.ts';
import { listPublicAspirations } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import { listMembers } from '../members/service.ts';
import { listNews } from '../news/service.ts';
import type { Deps } from '../platform/deps.ts';
import { listProjects } from '../projects/service.ts';
import { searchRegulations } from '../regulations/service.ts';

/** How many of each kind the results page shows; the rest are one link away. */
export const PER_KIND = 5;
export const QUERY_MIN = 2;
export const QUERY_MAX = 100;

/** Words compared without case or accents: "Sitì" finds "siti". */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export async function siteSearch(deps: Deps, query: string) {
  const structure = await getCouncil(deps.db);
  const words = folded(query).split(/\s+/).filter(Boolean);
  const [members, meetings, regulations, projects, aspirations, news] = await Promise.all([
    listMembers(deps.db, structure.council.id),
    agenda(deps, { q: query, descending: true, page: 1, pageSize: PER_KIND }),
    searchRegulations(deps, { q: query, page: 1, pageSize: PER_KIND }),
    listProjects(deps, { q: query, page: 1, pageSize: PER_KIND }),
    listPublicAspirations(deps, { q: query, sort: 'baru', page: 1 }),
    listNews(deps, { q: query, page: 1, pageSize: PER_KIND }),
  ]);
  const namedMembers = members.members.filter((m) => {
    const name = folded(m.name);
    return words.every((w) => name.includes(w));
  });
  return {
    members: { items: namedMembers.slice(0, PER_KIND), total: namedMembers.length },
    meetings: { items: meetings.meetings, total: meetings.total },
    regulations: { items: regulations.regulations, total: regulations.total },
    projects: { items: projects?.projects ?? [], total: projects?.total ?? 0 },
    news: { items: news.posts, total: news.total },
    aspirations: {
      items: aspirations.items.slice(0, PER_KIND),
      total: aspirations.total,
      capped: aspirations.capped,
    },
  };
}

export type SiteSearchResults = Awaited<ReturnType<typeof siteSearch>>;
