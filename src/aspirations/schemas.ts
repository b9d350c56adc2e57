/** What the aspiration pages and forms accept. Limits are generous; the service gives field-level messages. */
import { type Static, Type } from 'typebox';

const text = (max: number) => Type.String({ maxLength: max });
const optional = (max: number) => Type.Optional(text(max));

export const CodeParams = Type.Object({ kode: Type.String({ pattern: '^ASP-\\d{4}-\\d{6}$' }) });
export type CodeParams = Static<typeof CodeParams>;

export const PhotoParams = Type.Object({
  kode: Type.String({ pattern: '^ASP-\\d{4}-\\d{6}$' }),
  foto: Type.String({ pattern: '^\\d{1,9}(-kecil)?$' }),
});
export type PhotoParams = Static<typeof PhotoParams>;

export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
export type TokenParams = Static<typeof TokenParams>;

export const PageQuery = Type.Object({
  lang: optional(5),
  pesan: optional(40),
  baru: optional(5),
  kode: optional(40),
  templat: Type.Optional(Type.Integer({ minimum: 1 })),
  /** An earlier similar case whose answer starts this case's response. */
  jawaban: optional(40),
  /** After a bulk step: how many were done and skipped. */
  n: optional(10),
  lewat: optional(10),
  proyek: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_000_000_000 })),
});
export type PageQuery = Static<typeof PageQuery>;

/** The first step of the form: what, which topic, where, and a title. */
export const FirstStepBody = Type.Object({
  _csrf: optional(200),
  kind: optional(20),
  category: optional(80),
  location: optional(20),
  title: optional(2000),
  lat: optional(40),
  lon: optional(40),
  proyek: optional(20),
});
export type FirstStepBody = Static<typeof FirstStepBody>;

export const SupportBody = Type.Object({ _csrf: optional(200), email: optional(320) });
export type SupportBody = Static<typeof SupportBody>;

export const TrackBody = Type.Object({ _csrf: optional(200), kode: optional(40), kontak: optional(320) });
export type TrackBody = Static<typeof TrackBody>;

export const ReplyBody = Type.Object({ _csrf: optional(200), body: optional(20000) });
export type ReplyBody = Static<typeof ReplyBody>;

export const RateBody = Type.Object({ _csrf: optional(200), rating: optional(2), comment: optional(20000) });
export type RateBody = Static<typeof RateBody>;

export const ReopenBody = Type.Object({ _csrf: optional(200), reason: optional(20000) });
export type ReopenBody = Static<typeof ReopenBody>;

export const FixedBody = Type.Object({ _csrf: optional(200), answer: optional(10) });
export type FixedBody = Static<typeof FixedBody>;

const kindFilter = Type.Optional(
  Type.Union([Type.Literal(''), Type.Literal('aspirasi'), Type.Literal('pengaduan'), Type.Literal('informasi')]),
);
const statusFilter = Type.Optional(
  Type.Union(
    ['', 'received', 'verified', 'forwarded', 'resolved', 'rejected', 'referred', 'duplicate'].map((s) =>
      Type.Literal(s),
    ),
  ),
);

export const ListQuery = Type.Object({
  lang: optional(5),
  jenis: kindFilter,
  kategori: optional(80),
  kecamatan: optional(80),
  dapil: Type.Optional(Type.Union([Type.Literal(''), Type.String({ pattern: '^\\d{1,3}$' })])),
  status: statusFilter,
  q: optional(200),
  urut: Type.Optional(Type.Union([Type.Literal('baru'), Type.Literal('dukungan')])),
  hal: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
export type ListQuery = Static<typeof ListQuery>;

export const InboxQuery = Type.Object({
  lang: optional(5),
  pesan: optional(40),
  jenis: Type.Optional(Type.Union(['', 'aspirasi', 'pengaduan', 'informasi', 'rahasia'].map((s) => Type.Literal(s)))),
  kategori: optional(80),
  kecamatan: optional(80),
  status: Type.Optional(
    Type.Union(
      ['', 'open', 'received', 'verified', 'forwarded', 'resolved', 'rejected', 'referred', 'duplicate'].map((s) =>
        Type.Literal(s),
      ),
    ),
  ),
  q: optional(200),
  hal: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  n: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  lewat: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});
export type InboxQuery = Static<typeof InboxQuery>;

export const ActionBody = Type.Object({
  _csrf: optional(200),
  action: Type.Union(
    [
      'verify',
      'reject',
      'duplicate',
      'forward',
      'refer',
      'note',
      'respond',
      'followUp',
      'resolve',
      'hide',
      'category',
      'place',
    ].map((s) => Type.Literal(s)),
  ),
  reason: optional(20000),
  of: optional(40),
  /** For 'place': the id of the kelurahan. */
  kelurahan: optional(20),
  komisi: optional(80),
  agency: optional(2000),
  body: optional(20000),
  kind: optional(20),
  passage: optional(2000),
  hideReason: optional(2000),
  category: optional(80),
});
export type ActionBody = Static<typeof ActionBody>;

export const BulkBody = Type.Object({
  _csrf: optional(200),
  action: Type.Union([Type.Literal('verify'), Type.Literal('forward'), Type.Literal('duplicate')]),
  /** For 'duplicate': the code the chosen ones are merged into. */
  of: optional(40),
  /** Where to come back to: the inbox, or the clusters of similar open aspirations. */
  back: Type.Optional(Type.Literal('kelompok')),
  codes: Type.Optional(
    Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 })]),
  ),
});
export type BulkBody = Static<typeof BulkBody>;

export const TemplateBody = Type.Object({ _csrf: optional(200), title: optional(2000), body: optional(20000) });
export type TemplateBody = Static<typeof TemplateBody>;

// ---------------------------------------------------------------- the JSON API

const nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ApiListQuery = Type.Object({
  kind: Type.Optional(Type.Union([Type.Literal('aspirasi'), Type.Literal('pengaduan'), Type.Literal('informasi')])),
  category: Type.Optional(
    Type.String({ maxLength: 80, description: 'Slug of a category (see /open311/v2/services.json)' }),
  ),
  kecamatan: Type.Optional(Type.String({ maxLength: 80, description: 'Slug of a kecamatan' })),
  dapil: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  status: Type.Optional(
    Type.Union(
      ['received', 'verified', 'forwarded', 'resolved', 'rejected', 'referred', 'duplicate'].map((s) =>
        Type.Literal(s),
      ),
    ),
  ),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words, searched in Indonesian (stemmed)' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
});
export type ApiListQuery = Static<typeof ApiListQuery>;

export const ApiCodeParams = Type.Object({
  code: Type.String({ pattern: '^ASP-\\d{4}-\\d{6}$', description: 'Tracking code, e.g. ASP-2026-000123' }),
});
export type ApiCodeParams = Static<typeof ApiCodeParams>;

export const AspirationJson = Type.Object({
  code: Type.String(),
  url: Type.String(),
  kind: Type.String(),
  status: Type.String({ description: 'received, verified, forwarded, resolved, rejected, referred or duplicate' }),
  open: Type.Boolean(),
  title: Type.String(),
  description: Type.String(),
  category: nullable(Type.Object({ slug: Type.String(), name: Type.String() })),
  kecamatan: nullable(Type.String()),
  kelurahan: nullable(Type.String()),
  dapil: nullable(Type.Integer()),
  komisi: nullable(Type.String()),
  address: nullable(Type.String()),
  lat: nullable(Type.Number()),
  lon: nullable(Type.Number()),
  channel: Type.String(),
  supporters: Type.Integer(),
  received_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  resolved_at: nullable(Type.String({ format: 'date-time' })),
  due: nullable(
    Type.Object({ step: Type.String(), date: Type.String({ format: 'date' }), working_days_left: Type.Integer() }),
  ),
  rating: nullable(Type.Integer()),
  latest_step: nullable(Type.Object({ kind: Type.String(), text: nullable(Type.String()) })),
});
export type AspirationJson = Static<typeof AspirationJson>;

export const AspirationListJson = Type.Object({
  data: Type.Array(AspirationJson),
  meta: Type.Object({
    total: Type.Integer({
      description: 'How many match; a search (q) counts up to 100, and then total_capped is true and pages end there',
    }),
    total_capped: Type.Boolean(),
    page: Type.Integer(),
    per_page: Type.Integer(),
  }),
});
