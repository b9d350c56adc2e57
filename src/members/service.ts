/** The council's members as people see them: who they are, whom they represent, where they sit. */

import { getCouncil } from '../council/service.ts';
import type { Db } from '../db/index.ts';
import type { Deps } from '../platform/deps.ts';
import type { SitemapEntry } from '../platform/feature.ts';
import * as q from './queries.ts';

export interface Position {
  body: string;
  bodySlug: string;
  kind: string;
  role: string;
}

export interface Member {
  slug: string;
  name: string;
  gender: 'L' | 'P' | null;
  party: string;
  fraksi: { slug: string; name: string } | null;
  fraksiRole: string | null;
  dapil: number | null;
  komisi: { slug: string; name: string; field: string | null } | null;
  positions: Position[];
  biography: string | null;
}

export type MemberFilter = Omit<q.MemberFilter, 'slug'>;

async function withPositions(db: Db, rows: Awaited<ReturnType<typeof q.membersOfCouncil>>): Promise<Member[]> {
  const memberships = await q.membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const own = memberships.filter((m) => m.member_id === row.id);
    const komisi = own.find((m) => m.kind === 'komisi');
    return {
      slug: row.slug,
      name: row.name,
      gender: row.gender,
      party: row.party,
      fraksi:
        row.fraksi_slug === null || row.fraksi_name === null ? null : { slug: row.fraksi_slug, name: row.fraksi_name },
      fraksiRole: row.fraksi_role,
      dapil: row.dapil_number,
      komisi: komisi === undefined ? null : { slug: komisi.slug, name: komisi.name, field: komisi.field },
      positions: own.map((m) => ({ body: m.name, bodySlug: m.slug, kind: m.kind, role: m.role })),
      biography: row.biography,
    };
  });
}

export async function listMembers(db: Db, councilId: number, filter: MemberFilter = {}) {
  const [rows, total] = await Promise.all([
    q.membersOfCouncil(db, councilId, filter),
    q.countMembersOfCouncil(db, councilId),
  ]);
  return { members: await withPositions(db, rows), total: Number(total.n) };
}

export async function getMember(db: Db, councilId: number, slug: string): Promise<Member | undefined> {
  const rows = await q.membersOfCouncil(db, councilId, { slug });
  const [member] = await withPositions(db, rows);
  return member;
}

/** The positions worth naming first: leadership of the council or of a body, then the rest. */
export function leadingPosition(member: Member): Position | undefined {
  return member.positions.find((p) => p.kind === 'pimpinan') ?? member.positions.find((p) => p.role !== 'Anggota');
}

/** Whether the member sits in the council's leadership (its pimpinan). */
export async function isLeadership(db: Db, memberId: number): Promise<boolean> {
  return (await q.membershipsOf(db, [memberId])).some((m) => m.kind === 'pimpinan');
}

export async function memberIdBySlug(db: Db, councilId: number, slug: string): Promise<number | undefined> {
  return (await q.memberIdBySlug(db, councilId, slug))?.id;
}

/** The members' pages for search engines: the list, the districts, and each member. */
export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const structure = await getCouncil(deps.db);
  const members = await q.memberPages(deps.db, structure.council.id);
  return [
    { path: '/anggota' },
    { path: '/dapil' },
    ...members.map((m) => ({ path: `/anggota/${m.slug}`, modified: m.updated_at })),
  ];
}
