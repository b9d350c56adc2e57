/** Schemas of the members' pages and API: the filter people send and the member they get back. */
import { type Static, Type } from 'typebox';

const slug = Type.String({ pattern: '^[a-z0-9-]*$', maxLength: 100 });

export const MemberFilterQuery = Type.Object({
  dapil: Type.Optional(Type.String({ pattern: '^[0-9]{0,3}$', description: 'Electoral district number' })),
  fraksi: Type.Optional({ ...slug, description: 'Faction slug, e.g. fraksi-pks' }),
  komisi: Type.Optional({ ...slug, description: 'Commission slug, e.g. komisi-ii' }),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});
export type MemberFilterQuery = Static<typeof MemberFilterQuery>;

export const MemberParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 100 }) });
export type MemberParams = Static<typeof MemberParams>;

const Ref = Type.Object({ slug: Type.String(), name: Type.String() });

export const MemberJson = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  gender: Type.Union([Type.Literal('L'), Type.Literal('P'), Type.Null()], {
    description: 'L = laki-laki, P = perempuan',
  }),
  party: Type.String(),
  fraksi: Type.Union([Ref, Type.Null()]),
  fraksiRole: Type.Union([Type.String(), Type.Null()]),
  dapil: Type.Union([Type.Integer(), Type.Null()]),
  komisi: Type.Union([Ref, Type.Null()]),
  positions: Type.Array(Type.Object({ body: Type.String(), bodySlug: Type.String(), role: Type.String() })),
  url: Type.String({ description: 'The member’s public page' }),
});
export type MemberJson = Static<typeof MemberJson>;

export const MemberListJson = Type.Object({
  data: Type.Array(MemberJson),
  total: Type.Integer({ description: 'Members that match the filter' }),
});
