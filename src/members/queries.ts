/** Queries over the council's members and their places in the council's bodies. */
import type { Db } from '../db/index.ts';

export interface MemberFilter {
  dapilNumber?: number | undefined;
  fraksiSlug?: string | undefined;
  komisiSlug?: string | undefined;
  slug?: string | undefined;
}

export function membersOfCouncil(db: Db, councilId: number, filter: MemberFilter) {
  let query = db
    .selectFrom('member')
    .leftJoin('fraksi', 'fraksi.id', 'member.fraksi_id')
    .leftJoin('dapil', 'dapil.id', 'member.dapil_id')
    .select([
      'member.id',
      'member.slug',
      'member.name',
      'member.gender',
      'member.party',
      'member.fraksi_role',
      'member.biography',
      'fraksi.slug as fraksi_slug',
      'fraksi.name as fraksi_name',
      'dapil.number as dapil_number',
    ])
    .where('member.council_id', '=', councilId)
    .where('member.active', '=', true);
  if (filter.slug !== undefined) query = query.where('member.slug', '=', filter.slug);
  if (filter.dapilNumber !== undefined) query = query.where('dapil.number', '=', filter.dapilNumber);
  if (filter.fraksiSlug !== undefined) query = query.where('fraksi.slug', '=', filter.fraksiSlug);
  if (filter.komisiSlug !== undefined) {
    const komisi = filter.komisiSlug;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('body_membership')
          .innerJoin('body', 'body.id', 'body_membership.body_id')
          .select('body_membership.id')
          .whereRef('body_membership.member_id', '=', 'member.id')
          .where('body.kind', '=', 'komisi')
          .where('body.slug', '=', komisi),
      ),
    );
  }
  return query.orderBy('member.name').execute();
}

export function countMembersOfCouncil(db: Db, councilId: number) {
  return db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('council_id', '=', councilId)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
}

export function membershipsOf(db: Db, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('body_membership')
    .innerJoin('body', 'body.id', 'body_membership.body_id')
    .select(['body_membership.member_id', 'body_membership.role', 'body.kind', 'body.slug', 'body.name', 'body.field'])
    .where('body_membership.member_id', 'in', memberIds)
    .orderBy('body.sort_order')
    .orderBy('body_membership.sort_order')
    .execute();
}

export function memberIdBySlug(db: Db, councilId: number, slug: string) {
  return db
    .selectFrom('member')
    .select('id')
    .where('council_id', '=', councilId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** Every member's page address and when it last changed (for search engines). */
export function memberPages(db: Db, councilId: number) {
  return db
    .selectFrom('member')
    .select(['slug', 'updated_at'])
    .where('council_id', '=', councilId)
    .orderBy('slug')
    .execute();
}

export function statementsOf(db: Db, memberId: number) {
  return db.selectFrom('member_statement').select(['activity', 'body']).where('member_id', '=', memberId).execute();
}

export async function saveStatement(db: Db, memberId: number, activity: string, body: string, userId: number) {
  if (body === '') {
    await db
      .deleteFrom('member_statement')
      .where('member_id', '=', memberId)
      .where('activity', '=', activity)
      .execute();
    return;
  }
  await db
    .insertInto('member_statement')
    .values({ member_id: memberId, activity, body, written_by: userId })
    .onConflict((oc) =>
      oc.columns(['member_id', 'activity']).doUpdateSet({ body, written_by: userId, updated_at: new Date() }),
    )
    .execute();
}

export function slugOfMember(db: Db, councilId: number, memberId: number) {
  return db
    .selectFrom('member')
    .select('slug')
    .where('council_id', '=', councilId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}
