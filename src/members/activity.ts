/**
 * What a member did, as one timeline built from the records other features keep (no entry of its
 * own): meetings attended (hearings apart), public answers to aspirations, reses visits, news naming
 * them; and how many of each in the year.
 */
import { attendedBetween, HEARING_TYPES, memberAttendance } from '../agenda/service.ts';
import { responsesBetween, responsesOfMember } from '../aspirations/service.ts';
import type { MeetingType } from '../db/schema.ts';
import { newsAbout, newsNamingBetween } from '../news/service.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import { isSingleLine } from '../platform/validation.ts';
import { jakartaDay } from '../platform/working-days.ts';
import { visitsOfMember } from '../reses/service.ts';
import * as q from './queries.ts';

export type ActivityKind = 'meeting' | 'hearing' | 'response' | 'reses' | 'news';

export interface Activity {
  kind: ActivityKind;
  /** When it happened; a reses visit has only its day. */
  at: Date;
  title: string;
  href: string;
  /** The member's own words on it, public. */
  statement?: string | undefined;
}

export interface YearCounts {
  year: number;
  /** Meetings attended, hearings among them. */
  meetings: number;
  hearings: number;
  responses: number;
  resesVisits: number;
  news: number;
}

/** The first moment of a year in Jakarta. */
const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+07:00`);

/** The member's reses visits and the year's counts (the rest of the timeline the page reads already). */
export async function activityOfYear(deps: Deps, member: { id: number; slug: string }, now = new Date()) {
  const year = Number(jakartaDay(now).slice(0, 4));
  const from = yearStart(year);
  const to = yearStart(year + 1);
  const [attended, responses, visits, news] = await Promise.all([
    attendedBetween(deps, member.id, from, to),
    responsesBetween(deps, member.id, from, to),
    visitsOfMember(deps, member.id),
    newsNamingBetween(deps, member.id, from, to),
  ]);
  const counts: YearCounts = {
    year,
    ...attended,
    responses,
    resesVisits: visits.filter((v) => v.day.startsWith(`${year}-`)).length,
    news,
  };
  return { counts, visits };
}

/** Everything in one list, newest first, at most `limit`. */
export function timeline(
  parts: {
    meetings: { id: number; title: string; startsAt: Date; type: MeetingType }[];
    responses: { code: string; title: string; at: Date }[];
    visits: { reportId: number; period: string; day: string; place: string }[];
    news: { slug: string; title: string; publishedAt: Date | null }[];
  },
  limit = 25,
): Activity[] {
  const all: Activity[] = [
    ...parts.meetings.map((m) => ({
      kind: HEARING_TYPES.includes(m.type) ? ('hearing' as const) : ('meeting' as const),
      at: m.startsAt,
      title: m.title,
      href: `/agenda/${m.id}`,
    })),
    ...parts.responses.map((r) => ({
      kind: 'response' as const,
      at: r.at,
      title: r.title,
      href: `/aspirasi/${r.code}`,
    })),
    ...parts.visits.map((v) => ({
      kind: 'reses' as const,
      at: new Date(`${v.day}T12:00:00+07:00`),
      title: `${v.place} (${v.period})`,
      href: `/reses/${v.reportId}`,
    })),
    ...parts.news.flatMap((n) =>
      n.publishedAt === null
        ? []
        : [{ kind: 'news' as const, at: n.publishedAt, title: n.title, href: `/berita/${n.slug}` }],
    ),
  ];
  return all.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

/** The address of a member user's own page of statements, when the account is linked to a member. */
export async function ownMemberSlug(deps: Deps, councilId: number, memberId: number | null) {
  return memberId === null ? undefined : (await q.slugOfMember(deps.db, councilId, memberId))?.slug;
}

/** The member's statements on their activities, by the activity's address. */
export async function statementsOf(deps: Deps, memberId: number): Promise<Map<string, string>> {
  return new Map((await q.statementsOf(deps.db, memberId)).map((s) => [s.activity, s.body]));
}

/** The timeline with the year's counts and the member's statements, as the member's page shows it. */
export async function memberTimeline(deps: Deps, member: { id: number; slug: string }, now = new Date()) {
  const [attendance, responses, news, year, statements] = await Promise.all([
    memberAttendance(deps, member.id),
    responsesOfMember(deps, member.id),
    newsAbout(deps, { kind: 'member', id: member.id }),
    activityOfYear(deps, member, now),
    statementsOf(deps, member.id),
  ]);
  const items = timeline({ meetings: attendance.attended, responses: responses.latest, visits: year.visits, news });
  return { counts: year.counts, items: items.map((a) => ({ ...a, statement: statements.get(a.href) })) };
}

export const STATEMENT_MAX = 280;

export type StatementResult = { ok: true } | { ok: false; problem: 'activity' | 'tooLong' | 'oneLine' | 'notOwn' };

/**
 * Writes (or, empty, removes) the member's public statement on one activity of their current
 * timeline. A member writes on their own page only; staff write for any member.
 */
export async function saveStatement(
  deps: Deps,
  user: CurrentUser,
  member: { id: number; slug: string },
  activity: string,
  text: string,
  ip?: string,
): Promise<StatementResult> {
  if (user.role === 'member' && user.memberId !== member.id) return { ok: false, problem: 'notOwn' };
  const body = text.trim();
  if (body.length > STATEMENT_MAX) return { ok: false, problem: 'tooLong' };
  if (!isSingleLine(body)) return { ok: false, problem: 'oneLine' };
  const { items } = await memberTimeline(deps, member);
  if (!items.some((a) => a.href === activity)) return { ok: false, problem: 'activity' };
  await q.saveStatement(deps.db, member.id, activity, body, user.id);
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: body === '' ? 'members.statement.remove' : 'members.statement',
    subjectType: 'member',
    subjectId: member.id,
    ip,
    details: { activity, body },
  });
  return { ok: true };
}
