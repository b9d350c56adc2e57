/**
 * The back office dashboard (/kelola/dasbor): the open work in the official's scope, what runs now,
 * messages that did not go out and, for the council's leadership, the week and what is rising.
 * The figures come from the features that hold the data, through their services.
 */
import { type Trends, trends, type Workload, workload } from '../aspirations/service.ts';
import { openConsultations } from '../consultations/service.ts';
import { getCouncil } from '../council/service.ts';
import { isLeadership, listMembers } from '../members/service.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { Translate } from '../platform/i18n.ts';
import { type ChannelName, undeliveredByChannel } from '../platform/outbox.ts';
import { can } from '../platform/permissions.ts';
import { publicSurveys } from '../surveys/service.ts';

export interface Dashboard {
  workload: Workload;
  /** Shown to staff, administrators and members of the council's leadership. */
  leadership: Trends | null;
  /** Messages of every kind that did not go out in 30 days (staff and administrators). */
  failed: { channel: ChannelName; n: number }[] | null;
  /** Each linked to its back-office page for those who manage it, else to its public page. */
  consultations: { href: string; title: string; until: string }[];
  surveys: { href: string; title: string; closesOn: string; submitted: number }[];
  names: {
    komisi: Map<number, string>;
    dapil: Map<number, number>;
    kecamatan: Map<number, { name: string; slug: string }>;
    categories: Map<number, { name: string; slug: string }>;
    members: Map<string, string>;
  };
}

const DAY = 24 * 3600_000;

/** Whether the official sees the whole council's trends: the secretariat, or a member of the pimpinan. */
async function leads(deps: Deps, user: CurrentUser): Promise<boolean> {
  if (user.role === 'staff' || user.role === 'administrator') return true;
  return user.role === 'member' && user.memberId !== null && (await isLeadership(deps.db, user.memberId));
}

export async function dashboardOf(deps: Deps, user: CurrentUser, t: Translate, now = new Date()): Promise<Dashboard> {
  const structure = await getCouncil(deps.db);
  const { members } = await listMembers(deps.db, structure.council.id);
  const dapilId = new Map(structure.dapil.map((d) => [d.number, d.id]));
  const komisiId = new Map(structure.komisi.map((k) => [k.slug, k.id]));
  const places = members.map((m) => ({
    slug: m.slug,
    dapilId: m.dapil === null ? null : (dapilId.get(m.dapil) ?? null),
    komisiIds: m.komisi === null ? [] : [komisiId.get(m.komisi.slug)].filter((id): id is number => id !== undefined),
  }));
  const leader = await leads(deps, user);
  const secretariat = user.role === 'staff' || user.role === 'administrator';
  const [work, trend, failed, consultations, surveys] = await Promise.all([
    workload(deps, user, places, now),
    leader ? trends(deps, now) : Promise.resolve(null),
    secretariat ? undeliveredByChannel(deps.db, new Date(now.getTime() - 30 * DAY)) : Promise.resolve(null),
    openConsultations(deps),
    publicSurveys(deps, t),
  ]);
  return {
    workload: work,
    leadership: trend,
    failed,
    consultations: consultations.map((c) => ({
      href: can(user.role, 'consultations.manage') ? `/kelola/konsultasi/${c.id}` : `/konsultasi/${c.id}`,
      title: c.title,
      until: c.commentsUntil,
    })),
    surveys: surveys.open.map((s) => ({
      href: can(user.role, 'surveys.manage') ? `/kelola/survei/${s.id}/hasil` : `/survei/${s.id}`,
      title: s.title,
      closesOn: s.closesOn,
      submitted: s.submitted,
    })),
    names: {
      komisi: new Map(structure.komisi.map((k) => [k.id, k.name])),
      dapil: new Map(structure.dapil.map((d) => [d.id, d.number])),
      kecamatan: new Map(structure.kecamatan.map((k) => [k.id, { name: k.name, slug: k.slug }])),
      categories: new Map(structure.categories.map((c) => [c.id, { name: c.name, slug: c.slug }])),
      members: new Map(members.map((m) => [m.slug, m.name])),
    },
  };
}
