/** One aspiration as its pages show it: the timeline, the working-day deadline, and who is looking. */
import { type Body, type Category, type CouncilStructure, getCouncil } from '../council/service.ts';
import type { AspirationChannel, AspirationKind, AspirationStatus } from '../db/schema.ts';
import { maskContacts } from '../platform/contact.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import { can } from '../platform/permissions.ts';
import { jakartaDay, workingDaysUntil } from '../platform/working-days.ts';
import * as q from './queries.ts';

export interface TimelineEvent {
  id: number;
  kind: string;
  public: boolean;
  byReporter: boolean;
  body: string | null;
  details: Record<string, string | number | null>;
  at: Date;
  member: { name: string; slug: string } | null;
  /** Set for officials' views: the name of the official who did it. */
  actorName: string | null;
}

export interface Deadline {
  step: 'verify' | 'resolve';
  due: string;
  /** Working days left; negative when overdue. */
  daysLeft: number;
}

export interface AspirationView {
  id: number;
  /** The project it is about, when it was filed from a project's page. */
  project: { id: number; name: string } | null;
  code: string;
  kind: AspirationKind;
  status: AspirationStatus;
  title: string;
  description: string;
  category: Category | undefined;
  kecamatan: { id: number; name: string } | undefined;
  kelurahan: { id: number; name: string } | undefined;
  dapilNumber: number | null;
  dapilId: number | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  channel: AspirationChannel;
  komisi: Body | undefined;
  supporters: number;
  receivedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  fixedAskedAt: Date | null;
  fixedAnswer: boolean | null;
  duplicateOfCode: string | null;
  userId: number | null;
  showName: boolean;
  /** The reporter's name, only when they allowed it to be shown. */
  publicName: string | null;
  deadline: Deadline | null;
  photos: { id: number; width: number; height: number }[];
  events: TimelineEvent[];
  /** Passages staff hid from the public; listed only in officials' views. */
  hiddenPassages: string[];
}

/** What a hidden passage shows as outside the council. */
export const HIDDEN_MARK = '[…]';

/** A text of an aspiration as the public may read it: hidden passages marked, contact details masked. */
export function publicText(hiddenPassages: readonly string[]): (text: string) => string {
  return (text) => maskContacts(hiddenPassages.reduce((out, passage) => out.split(passage).join(HIDDEN_MARK), text));
}

export type Row = NonNullable<Awaited<ReturnType<typeof q.aspirationById>>>;

export function isOpen(status: AspirationStatus): boolean {
  return q.openStatuses.includes(status);
}

function deadlineOf(structure: CouncilStructure, row: Row, now: Date): Deadline | null {
  const today = jakartaDay(now);
  if (row.status === 'received')
    return {
      step: 'verify',
      due: row.verify_due,
      daysLeft: workingDaysUntil(today, row.verify_due, structure.holidays),
    };
  if ((row.status === 'verified' || row.status === 'forwarded') && row.resolve_due !== null)
    return {
      step: 'resolve',
      due: row.resolve_due,
      daysLeft: workingDaysUntil(today, row.resolve_due, structure.holidays),
    };
  return null;
}

/**
 * One aspiration as a page or a record shows it; with `internal`, notes and who-did-what for
 * officials. For the public (not `internal`, not the reporter looking at their own) the passages
 * staff hid are replaced by a mark and contact details typed into its texts are masked: every
 * public output — the page, the list, feeds, the API and Open311 — is made from this view.
 */
export async function viewOf(
  deps: Deps,
  row: Row,
  internal: boolean,
  summaryOnly = false,
  forReporter = false,
): Promise<AspirationView> {
  const hidden = row.hidden_passages;
  const shown = internal || forReporter ? (text: string) => text : publicText(hidden);
  const shownOrNull = (text: string | null) => (text === null ? null : shown(text));
  const structure = await getCouncil(deps.db);
  const kecamatan = structure.kecamatan.find((k) => k.id === row.kecamatan_id);
  const kelurahan = kecamatan?.kelurahan.find((k) => k.id === row.kelurahan_id);
  const [events, photos, duplicateOf, reporter, project] = summaryOnly
    ? [[], [], undefined, undefined, undefined]
    : await Promise.all([
        q.eventsOf(deps.db, row.id, internal),
        q.photosOf(deps.db, row.id),
        row.duplicate_of_id === null ? undefined : q.codeOf(deps.db, row.duplicate_of_id),
        row.show_name ? q.reporterOf(deps.db, row.id) : undefined,
        row.project_id === null ? undefined : projectForAspiration(deps, row.project_id),
      ]);
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    status: row.status,
    title: shown(row.title),
    description: shown(row.description),
    category: structure.categories.find((c) => c.id === row.category_id),
    kecamatan: kecamatan === undefined ? undefined : { id: kecamatan.id, name: kecamatan.name },
    kelurahan: kelurahan === undefined ? undefined : { id: kelurahan.id, name: kelurahan.name },
    dapilNumber: structure.dapil.find((d) => d.id === row.dapil_id)?.number ?? null,
    dapilId: row.dapil_id,
    address: shownOrNull(row.address),
    lat: row.lat,
    lon: row.lon,
    channel: row.channel,
    komisi: structure.komisi.find((b) => b.id === row.komisi_id),
    supporters: row.supporters,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    rating: row.rating,
    ratingComment: shownOrNull(row.rating_comment),
    fixedAskedAt: row.fixed_asked_at,
    fixedAnswer: row.fixed_answer,
    duplicateOfCode: duplicateOf?.code ?? null,
    project: project === undefined ? null : { id: project.id, name: project.name },
    userId: row.user_id,
    showName: row.show_name,
    publicName:
      row.show_name && reporter?.name_sealed != null && row.kind !== 'rahasia'
        ? deps.sealer.open(reporter.name_sealed)
        : null,
    deadline: deadlineOf(structure, row, new Date()),
    photos: photos.map((p) => ({ id: p.id, width: p.width, height: p.height })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      public: e.public,
      byReporter: e.by_reporter,
      body: shownOrNull(e.body),
      details: JSON.parse(e.details) as Record<string, string | number | null>,
      at: e.created_at,
      member: e.member_name === null || e.member_slug === null ? null : { name: e.member_name, slug: e.member_slug },
      actorName: internal && e.actor_name_sealed !== null ? deps.sealer.open(e.actor_name_sealed) : null,
    })),
    hiddenPassages: internal ? hidden : [],
  };
}

/** Who is looking at an aspiration, and what that lets them see. */
export interface Viewer {
  user: CurrentUser | null;
  /** Aspiration ids this browser has proven to be the reporter of (private link or /lacak). */
  ownedIds: readonly number[];
}

export function isReporter(viewer: Viewer, row: { id: number; user_id: number | null }): boolean {
  return viewer.ownedIds.includes(row.id) || (viewer.user !== null && row.user_id === viewer.user.id);
}

/** The project an aspiration is (to be) about, when it exists in this council. */
export async function projectForAspiration(deps: Deps, id: number) {
  const structure = await getCouncil(deps.db);
  return q.projectAbout(deps.db, structure.council.id, id);
}

/** The dapil and komisi a member user sits in; undefined for staff (who see everything). */
export async function memberScope(deps: Deps, user: CurrentUser): Promise<q.InboxFilter['member']> {
  if (user.role !== 'member') return undefined;
  if (user.memberId === null) return { dapilId: null, komisiIds: [] };
  const rows = await q.memberPlaces(deps.db, user.memberId);
  return {
    dapilId: rows[0]?.dapil_id ?? null,
    komisiIds: rows.map((r) => r.komisi_id).filter((id): id is number => id !== null),
  };
}

export async function officialMaySee(deps: Deps, user: CurrentUser | null, row: Row): Promise<boolean> {
  if (user === null || !user.mfaPassed || !can(user.role, 'aspiration.read')) return false;
  const scope = await memberScope(deps, user);
  if (scope === undefined) return true;
  if (['received', 'rejected', 'duplicate'].includes(row.status)) return false;
  if (row.komisi_id !== null && scope.komisiIds.includes(row.komisi_id)) return true;
  return row.kind !== 'rahasia' && row.dapil_id !== null && row.dapil_id === scope.dapilId;
}
