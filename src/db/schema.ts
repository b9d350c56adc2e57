/** Table types for Kysely: one interface per table, matching the migrations. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamps = {
  created_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
type Id = Generated<number>;

export interface CouncilTable extends Timestamps {
  id: Id;
  slug: string;
  name: string;
  region_name: string;
  province: string;
  region_code: string;
  period: string;
  seats: number;
  address: string;
  email: string | null;
  phone: string | null;
  timezone: ColumnType<string, string | undefined, string>;
}

export interface DapilTable extends Timestamps {
  id: Id;
  council_id: number;
  number: number;
  seats: number;
}

export interface KecamatanTable extends Timestamps {
  id: Id;
  council_id: number;
  dapil_id: number | null;
  code: string;
  slug: string;
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface KelurahanTable extends Timestamps {
  id: Id;
  kecamatan_id: number;
  code: string;
  slug: string;
  name: string;
  postal_code: string | null;
  lat: number | null;
  lon: number | null;
}

export interface FraksiTable extends Timestamps {
  id: Id;
  council_id: number;
  slug: string;
  name: string;
  parties: ColumnType<string[], string[] | undefined, string[]>;
  seats: number;
}

export type BodyKind = 'pimpinan' | 'komisi' | 'bamus' | 'banggar' | 'bapemperda' | 'bk' | 'pansus';

export interface BodyTable extends Timestamps {
  id: Id;
  council_id: number;
  kind: BodyKind;
  slug: string;
  name: string;
  short_name: string;
  field: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface MemberTable extends Timestamps {
  id: Id;
  council_id: number;
  slug: string;
  name: string;
  gender: 'L' | 'P' | null;
  party: string;
  fraksi_id: number | null;
  fraksi_role: string | null;
  dapil_id: number | null;
  photo_path: string | null;
  biography: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface BodyMembershipTable extends Timestamps {
  id: Id;
  body_id: number;
  member_id: number;
  role: string;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface Database {
  council: CouncilTable;
  dapil: DapilTable;
  kecamatan: KecamatanTable;
  kelurahan: KelurahanTable;
  fraksi: FraksiTable;
  body: BodyTable;
  member: MemberTable;
  body_membership: BodyMembershipTable;
}

export type Council = Selectable<CouncilTable>;
export type NewMember = Insertable<MemberTable>;
