/** What the account forms send. Limits are generous; the handlers give field-level messages. */
import { type Static, Type } from 'typebox';

const text = (max: number) => Type.String({ maxLength: max });

export const SignUpBody = Type.Object({
  _csrf: Type.Optional(text(200)),
  name: text(200),
  email: text(320),
  password: text(1024),
  consent: Type.Optional(text(10)),
});
export type SignUpBody = Static<typeof SignUpBody>;

export const SignInBody = Type.Object({
  _csrf: Type.Optional(text(200)),
  email: text(320),
  password: text(1024),
  lanjut: Type.Optional(text(2000)),
});
export type SignInBody = Static<typeof SignInBody>;

export const EmailBody = Type.Object({ _csrf: Type.Optional(text(200)), email: text(320) });
export type EmailBody = Static<typeof EmailBody>;

export const PasswordBody = Type.Object({ _csrf: Type.Optional(text(200)), password: text(1024) });
export type PasswordBody = Static<typeof PasswordBody>;

export const ChangePasswordBody = Type.Object({
  _csrf: Type.Optional(text(200)),
  current: text(1024),
  password: text(1024),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
export type TokenParams = Static<typeof TokenParams>;

export const PageQuery = Type.Object({
  lang: Type.Optional(text(5)),
  pesan: Type.Optional(text(40)),
  lanjut: Type.Optional(text(2000)),
});
export type PageQuery = Static<typeof PageQuery>;

export const CodeBody = Type.Object({
  _csrf: Type.Optional(text(200)),
  code: text(100),
  lanjut: Type.Optional(text(2000)),
});
export type CodeBody = Static<typeof CodeBody>;

const role = Type.Union([
  Type.Literal('citizen'),
  Type.Literal('staff'),
  Type.Literal('member'),
  Type.Literal('moderator'),
  Type.Literal('administrator'),
  Type.Literal('ppid'),
]);

export const InviteBody = Type.Object({
  _csrf: Type.Optional(text(200)),
  name: text(200),
  email: text(320),
  role,
  member: Type.Optional(Type.String({ pattern: '^[a-z0-9-]*$', maxLength: 100 })),
});
export type InviteBody = Static<typeof InviteBody>;

export const ChangeUserBody = Type.Object({
  _csrf: Type.Optional(text(200)),
  role,
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  member: Type.Optional(Type.String({ pattern: '^[a-z0-9-]*$', maxLength: 100 })),
});
export type ChangeUserBody = Static<typeof ChangeUserBody>;

export const UserParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type UserParams = Static<typeof UserParams>;

export const CorrectionBody = Type.Object({
  _csrf: Type.Optional(text(200)),
  name: text(500),
  phone: Type.Optional(text(100)),
});
export type CorrectionBody = Static<typeof CorrectionBody>;

export const EndAccountBody = Type.Object({
  _csrf: Type.Optional(text(200)),
  confirm: text(1024),
  kind: Type.Union([Type.Literal('withdraw_consent'), Type.Literal('erasure')]),
});
export type EndAccountBody = Static<typeof EndAccountBody>;

export const CreateTokenBody = Type.Object({
  _csrf: Type.Optional(text(200)),
  name: text(500),
  scopes: Type.Optional(Type.Union([text(100), Type.Array(text(100), { maxItems: 20 })])),
  days: Type.Optional(text(20)),
});
export type CreateTokenBody = Static<typeof CreateTokenBody>;

export const TokenIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type TokenIdParams = Static<typeof TokenIdParams>;

export const MeJson = Type.Object({
  name: Type.String(),
  email: Type.String(),
  role: Type.String(),
});
