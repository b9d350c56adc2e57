/** What the pages of public information accept. */
import { type Static, Type } from 'typebox';
import { optionalText } from '../platform/schemas.ts';
import { categories } from './service.ts';

export const RegisterQuery = Type.Object({
  lang: optionalText(5),
  q: optionalText(200),
  jenis: Type.Optional(Type.Union([Type.Literal(''), ...categories.map((c) => Type.Literal(c))])),
  hal: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
export type RegisterQuery = Static<typeof RegisterQuery>;

export const OfficeQuery = Type.Object({
  lang: optionalText(5),
  pesan: optionalText(40),
  hal: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});

export const EntryBody = Type.Object({
  _csrf: optionalText(200),
  category: optionalText(40),
  title: optionalText(2_000),
  summary: optionalText(20_000),
  officer: optionalText(2_000),
  form: optionalText(40),
  retention: optionalText(2_000),
  location: optionalText(2_000),
  link: optionalText(2_000),
  exemption: optionalText(20_000),
});
export type EntryBody = Static<typeof EntryBody>;

export const RemoveBody = Type.Object({ _csrf: optionalText(200) });
