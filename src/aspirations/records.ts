/** Aspirations as records for others: the API and Open311, the home page, open-data statistics, a person's copy of their data. */
import { getCouncil } from '../council/service.ts';
import type { Deps } from '../platform/deps.ts';
import type { PersonalDataHooks, SitemapEntry } from '../platform/feature.ts';
import { SITEMAP_LIMIT } from '../platform/sitemap.ts';
import { followSection } from '../platform/subscriptions.ts';
import { jakartaDay } from '../platform/working-days.ts';
import * as q from './queries.ts';
import { publicPage } from './tracking.ts';
import { type AspirationView, publicText, viewOf } from './view.ts';
import { statusTexts } from './views/shared.tsx';

/**
 * A person's aspirations in their copy of their data and on /akun: those sent while signed in
 * (the reporter details are in each one's record) and those followed by email. An erased account
 * is unlinked from what it sent, which stays public without a name.
 */
export const aspirationPersonalData: PersonalDataHooks = {
  async copy(deps, subject) {
    const sent = await q.aspirationsOfUser(deps.db, subject.userId);
    const followed = await followSection(
      deps,
      subject,
      'aspiration',
      { key: 'followedAspirations', title: 'aspiration.followedByYou' },
      async (ids) =>
        (await q.aspirationsByIds(deps.db, ids)).map((a) => ({
          id: a.id,
          href: `/aspirasi/${a.code}`,
          // A follower reads the title as the public does: passages staff hid stay hidden.
          text: `${a.code} · ${publicText(a.hidden_passages)(a.title)}`,
          state: statusTexts[a.status],
        })),
    );
    return [
      {
        key: 'aspirations',
        title: 'pdp.aspirations',
        items: sent.map((a) => ({
          link: { href: `/aspirasi/${a.code}`, text: a.code },
          text: a.title,
          at: a.received_at,
          state: statusTexts[a.status],
          record: { code: a.code, title: a.title, status: a.status, receivedAt: a.received_at.toISOString() },
        })),
      },
      followed,
    ];
  },
  async forget(db, { userId }) {
    await q.unlinkUser(db, userId);
  },
};

export interface PublicRecord {
  view: AspirationView;
  /** The newest step taken by the council, with its public text. */
  latest: { kind: string; body: string | null; details: Record<string, string | number | null> } | undefined;
  photoId: number | undefined;
}

/**
 * Public aspirations for other systems (our API, Open311): never confidential ones, never the
 * reporter. Up to `limit`, newest first.
 */
export async function publicRecords(
  deps: Deps,
  filter: Omit<q.PublicFilter, 'limit' | 'offset' | 'sort'> & { limit: number; offset?: number; counted?: boolean },
): Promise<{ records: PublicRecord[]; total: number; capped: boolean }> {
  const structure = await getCouncil(deps.db);
  const { counted, ...rest } = filter;
  const query: q.PublicFilter = { ...rest, sort: 'baru', offset: filter.offset ?? 0 };
  // The home page wants a few newest ones, not how many there are: no count on every visit.
  const { rows, total, capped } = await publicPage(deps, structure.council.id, query, counted !== false);
  const ids = rows.map((r) => r.id);
  const [latest, photos] = await Promise.all([q.latestPublicEvents(deps.db, ids), q.firstPhotos(deps.db, ids)]);
  const records = await Promise.all(
    rows.map(async (r) => {
      const event = latest.find((e) => e.aspiration_id === r.id);
      return {
        view: await viewOf(deps, r, false, true),
        latest:
          event === undefined
            ? undefined
            : {
                kind: event.kind,
                body: event.body,
                details: JSON.parse(event.details) as Record<string, string | number | null>,
              },
        photoId: photos.find((p) => p.aspiration_id === r.id)?.id,
      };
    }),
  );
  return { records, total, capped };
}

/** The newest aspirations the council has closed with an answer, for the home page. */
export async function recentlyAnswered(deps: Deps, limit: number) {
  const { records } = await publicRecords(deps, { statuses: ['resolved', 'referred'], limit, counted: false });
  return records.map((r) => ({
    code: r.view.code,
    title: r.view.title,
    status: r.view.status,
    answer: r.latest?.body ?? null,
  }));
}

/** This month (Jakarta time) in two numbers: aspirations received, and answered by the council. */
export async function thisMonth(deps: Deps, now = new Date()) {
  const structure = await getCouncil(deps.db);
  const since = new Date(`${jakartaDay(now).slice(0, 7)}-01T00:00:00+07:00`);
  return q.countsSince(deps.db, structure.council.id, since);
}

/** Anonymised figures for open data: counts by month, category, kecamatan, kind and status. */
export async function aspirationStatistics(deps: Deps) {
  const structure = await getCouncil(deps.db);
  const [rows, last] = await Promise.all([
    q.statistics(deps.db, structure.council.id),
    q.lastChange(deps.db, structure.council.id),
  ]);
  return {
    modified: last.at === null ? undefined : new Date(last.at),
    rows: rows.map((r) => ({
      month: r.month,
      category: structure.categories.find((c) => c.id === r.category_id)?.name ?? '',
      kecamatan: structure.kecamatan.find((k) => k.id === r.kecamatan_id)?.name ?? '',
      kind: r.kind,
      status: r.status,
      count: Number(r.count),
      supporters: Number(r.supporters),
    })),
  };
}

/** The public aspirations' pages for search engines: the list and each one, newest first. */
export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.publicAspirationPages(deps.db, structure.council.id, SITEMAP_LIMIT - 1);
  return [{ path: '/aspirasi' }, ...rows.map((r) => ({ path: `/aspirasi/${r.code}`, modified: r.updated_at }))];
}

/** The answers a member gave to citizens' aspirations, as the public sees them: the latest few and the count. */
/** How many public answers a member gave to aspirations in a period. */
export async function responsesBetween(deps: Deps, memberId: number, from: Date, to: Date): Promise<number> {
  const structure = await getCouncil(deps.db);
  return q.countResponsesBetween(deps.db, structure.council.id, memberId, from, to);
}

export async function responsesOfMember(deps: Deps, memberId: number, limit = 10) {
  const structure = await getCouncil(deps.db);
  const { rows, total } = await q.responsesOfMember(deps.db, structure.council.id, memberId, limit);
  return {
    total,
    latest: rows.map((r) => ({ code: r.code, title: publicText(r.hidden_passages)(r.title), at: r.created_at })),
  };
}
