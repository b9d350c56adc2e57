/** Schemas of the dapil lookup and of the council's structure in the API. */
import { type Static, Type } from 'typebox';

export const DapilQuery = Type.Object({
  kelurahan: Type.Optional(
    Type.String({ pattern: '^[0-9.]*$', maxLength: 20, description: 'Kemendagri code of a kelurahan' }),
  ),
  kecamatan: Type.Optional(Type.String({ pattern: '^[a-z0-9-]*$', maxLength: 80, description: 'Slug of a kecamatan' })),
  nomor: Type.Optional(Type.String({ pattern: '^[0-9]{0,3}$', description: 'Dapil number' })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});
export type DapilQuery = Static<typeof DapilQuery>;

export const DapilParams = Type.Object({ number: Type.Integer({ minimum: 1, maximum: 999 }) });
export type DapilParams = Static<typeof DapilParams>;

const KelurahanJson = Type.Object({
  code: Type.String({ description: 'Kemendagri code' }),
  name: Type.String(),
  postalCode: Type.Union([Type.String(), Type.Null()]),
});

const KecamatanJson = Type.Object({
  code: Type.String({ description: 'Kemendagri code' }),
  slug: Type.String(),
  name: Type.String(),
  kelurahan: Type.Array(KelurahanJson),
});

export const DapilJson = Type.Object({
  number: Type.Integer(),
  seats: Type.Integer(),
  kecamatan: Type.Array(KecamatanJson),
  members: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String() })),
});
export type DapilJson = Static<typeof DapilJson>;

export const DapilListJson = Type.Object({ data: Type.Array(DapilJson) });
