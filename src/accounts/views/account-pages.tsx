/** A signed-in person's pages: the account overview and two-step verification. */

import type { CurrentUser } from '../../platform/deps.ts';
import type { PersonalDataSection } from '../../platform/feature.ts';
import { formatDate, formatTime } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Banner, Button, ButtonLink, SummaryList, Tag } from '../../platform/views/components.tsx';
import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PersonalDataCopy } from '../personal-data.ts';
import { NewPasswordField, SignOutForm } from './pages.tsx';

export interface SessionRow {
  id: number;
  ip: string | null;
  user_agent: string | null;
  last_seen_at: Date;
}

export interface AccountPageProps {
  ctx: PageContext;
  csrf: string;
  user: CurrentUser;
  phone: string;
  sessions: SessionRow[];
  recoveryLeft: number;
  /** What the person sent and follows, feature by feature. */
  lists: PersonalDataSection[];
  errors: FieldErrors;
  notice?: string | undefined;
}

export function AccountPage({
  ctx,
  csrf,
  user,
  phone,
  sessions,
  recoveryLeft,
  lists,
  errors,
  notice,
}: AccountPageProps) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('account.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}</p>
      <SummaryList>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('mfa.status')}</dt>
        <dd>
          {user.totpEnabled ? t('mfa.on', { n: recoveryLeft }) : t('mfa.off')}
          {user.totpEnabled ? null : (
            <>
              {' '}
              <a href="/akun/2fa">{t('mfa.enable')}</a>
            </>
          )}
        </dd>
      </SummaryList>

      <OwnLists ctx={ctx} csrf={csrf} lists={lists} />

      <section aria-labelledby="ganti-sandi">
        <h2 id="ganti-sandi">{t('account.changePassword')}</h2>
        <form class="form" method="post" action="/akun/sandi" novalidate>
          <CsrfField token={csrf} />
          <TextField
            name="current"
            type="password"
            label={t('account.currentPassword')}
            error={errors.current}
            autocomplete="current-password"
            required
          />
          <NewPasswordField ctx={ctx} error={errors.password} />
          <button type="submit">{t('account.changePassword')}</button>
        </form>
      </section>

      <section aria-labelledby="sesi">
        <h2 id="sesi">{t('account.sessions')}</h2>
        <p>{t('account.sessionsLead')}</p>
        <ul>
          {sessions.map((s) => (
            <li key={s.id}>
              {s.user_agent ?? '?'} · {s.ip ?? '?'} ·{' '}
              {t('account.lastSeen', {
                when: `${formatDate(s.last_seen_at, lang)} ${formatTime(s.last_seen_at, lang)}`,
              })}
              {s.id === user.sessionId ? <strong>{` (${t('account.thisSession')})`}</strong> : null}
            </li>
          ))}
        </ul>
        <p>
          <a href="/akun/token">{t('account.tokens')}</a>
        </p>
        <form method="post" action="/akun/keluar-semua">
          <CsrfField token={csrf} />
          <Button variant="secondary">{t('account.signOutEverywhere')}</Button>
        </form>
      </section>

      <section aria-labelledby="data-pribadi">
        <h2 id="data-pribadi">{t('pdp.title')}</h2>
        <p>{t('pdp.lead')}</p>
        <p class="actions">
          <a href="/akun/data">{t('pdp.view')}</a>
          <a href="/akun/data.json" download>
            {t('pdp.download')}
          </a>
        </p>
        <form class="form" method="post" action="/akun/data" novalidate>
          <CsrfField token={csrf} />
          <TextField
            name="name"
            label={t('account.name')}
            value={user.name}
            error={errors.name}
            autocomplete="name"
            required
            maxLength={120}
          />
          <TextField
            name="phone"
            type="tel"
            label={t('pdp.phone')}
            value={phone}
            error={errors.phone}
            autocomplete="tel"
            maxLength={20}
          />
          <button type="submit">{t('pdp.save')}</button>
        </form>
      </section>

      <SignOutForm ctx={ctx} csrf={csrf} />

      <section aria-labelledby="akhiri" class="panel">
        <h2 id="akhiri">{t('pdp.end')}</h2>
        <p>{t('pdp.endLead')}</p>
        <form class="form" method="post" action="/akun/hapus" novalidate>
          <CsrfField token={csrf} />
          <TextField
            name="confirm"
            type="password"
            label={t('pdp.endConfirm')}
            error={errors.confirm}
            autocomplete="current-password"
            required
          />
          <p class="actions">
            <Button variant="secondary" name="kind" value="withdraw_consent">
              {t('pdp.withdraw')}
            </Button>
            <Button variant="warning" name="kind" value="erasure">
              {t('pdp.erase')}
            </Button>
          </p>
        </form>
      </section>
    </Layout>
  );
}

export function PersonalDataPage({ ctx, copy }: { ctx: PageContext; copy: PersonalDataCopy }) {
  const { t, lang } = ctx;
  const when = (value: string | null) =>
    value === null ? '–' : `${formatDate(new Date(value), lang)} ${formatTime(new Date(value), lang)}`;
  return (
    <Layout ctx={ctx} title={t('pdp.copyTitle')}>
      <h1>{t('pdp.copyTitle')}</h1>
      <p>{t('pdp.generatedAt', { when: when(copy.generatedAt) })}</p>
      <p>
        <a href="/akun/data.json" download>
          {t('pdp.download')}
        </a>
      </p>
      <h2>{t('pdp.account')}</h2>
      <SummaryList>
        <dt>{t('account.name')}</dt>
        <dd>{copy.account.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{copy.account.email}</dd>
        <dt>{t('pdp.phone')}</dt>
        <dd>{copy.account.phone ?? '–'}</dd>
        <dt>{t('users.role')}</dt>
        <dd>{copy.account.role}</dd>
        <dt>{t('pdp.consent')}</dt>
        <dd>{t('pdp.consentGiven', { version: copy.consent.version ?? '–', when: when(copy.consent.givenAt) })}</dd>
      </SummaryList>
      <h2>{t('account.sessions')}</h2>
      <ul>
        {copy.sessions.map((s) => (
          <li key={s.createdAt}>{`${s.device ?? '?'} · ${s.ip ?? '?'} · ${when(s.lastSeenAt)}`}</li>
        ))}
      </ul>
      <h2>{t('pdp.messages')}</h2>
      {copy.messages.length === 0 ? <p>{t('pdp.none')}</p> : null}
      <ul>
        {copy.messages.map((m) => (
          <li key={`${m.createdAt}-${m.subject}`}>{`${when(m.createdAt)} · ${m.subject} · ${m.status}`}</li>
        ))}
      </ul>
      <h2>{t('pdp.activity')}</h2>
      <ul>
        {copy.activity.map((a) => (
          <li key={`${a.at}-${a.action}`}>
            {`${when(a.at)} · `}
            <code>{a.action}</code>
            {a.ip === null ? null : ` · ${a.ip}`}
          </li>
        ))}
      </ul>
      <h2>{t('pdp.pushDevices')}</h2>
      {copy.pushDevices.length === 0 ? <p>{t('pdp.none')}</p> : null}
      <ul>
        {copy.pushDevices.map((d) => (
          <li key={`${d.service}-${d.since}`}>
            {t(d.staffQueue ? 'pdp.pushDeviceStaff' : 'pdp.pushDevice', {
              service: d.service,
              when: when(d.since),
              n: String(d.follows.length),
            })}
          </li>
        ))}
      </ul>
      <h2>{t('pdp.requests')}</h2>
      <ul>
        {copy.requests.map((r) => (
          <li key={r.requestedAt}>{`${r.kind} · ${when(r.requestedAt)} → ${when(r.completedAt)}`}</li>
        ))}
      </ul>
      {copy.sections.map((section) => (
        <section key={section.key}>
          <h2>{t(section.title)}</h2>
          {section.items.length === 0 ? <p>{t('pdp.none')}</p> : null}
          <ul>
            {section.items.map((item) => (
              <li key={item.link?.href ?? item.text}>
                {item.link === undefined ? null : <a href={item.link.href}>{item.link.text}</a>}
                {` · ${item.text}${item.at === null ? '' : ` · ${when(item.at.toISOString())}`}`}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/**
 * "Follow all your aspirations in one place": what the person sent while signed in and what they
 * follow by email, each with where it stands; a follow can be ended here without its mailed link.
 */
function OwnLists({ ctx, csrf, lists }: { ctx: PageContext; csrf: string; lists: PersonalDataSection[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="milik-saya">
      <h2 id="milik-saya">{t('account.mine')}</h2>
      {lists.map((section) => (
        <section key={section.key} aria-labelledby={`daftar-${section.key}`}>
          <h3 id={`daftar-${section.key}`}>{t(section.title)}</h3>
          {section.items.length === 0 ? <p>{t('pdp.none')}</p> : null}
          <ul class="list">
            {section.items.map((item) => (
              <li key={item.followId ?? item.link?.href ?? item.text}>
                {item.link === undefined ? item.text : <a href={item.link.href}>{item.link.text}</a>}
                {item.link !== undefined && item.link.text !== item.text ? ` · ${item.text}` : null}
                <br />
                {item.state === undefined ? null : <Tag>{t(item.state)}</Tag>}
                {item.at === null ? null : ` ${formatDate(item.at, lang)}`}
                {item.followId === undefined ? null : (
                  <form method="post" action={`/akun/ikuti/${item.followId}/berhenti`} class="inline-form">
                    <CsrfField token={csrf} />{' '}
                    <Button variant="secondary">
                      {t('account.stopFollowing')}
                      <span class="visually-hidden">{`: ${item.text}`}</span>
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <a href="/aspirasi/baru">{t('account.sendAspiration')}</a>
      </p>
    </section>
  );
}

export function MfaChallengePage({
  ctx,
  csrf,
  error,
  next,
}: {
  ctx: PageContext;
  csrf: string;
  error?: string | undefined;
  next: string;
}) {
  const { t } = ctx;
  const errors: FieldErrors = error === undefined ? {} : { code: error };
  return (
    <Layout ctx={ctx} title={t('mfa.title')}>
      <h1>{t('mfa.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('mfa.lead')}</p>
      <form class="form" method="post" action="/masuk/2fa" novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="lanjut" value={next} />
        <TextField
          name="code"
          label={t('mfa.code')}
          error={errors.code}
          autocomplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={20}
        />
        <button type="submit">{t('mfa.submit')}</button>
      </form>
      <SignOutForm ctx={ctx} csrf={csrf} />
    </Layout>
  );
}

export function MfaSetupPage({
  ctx,
  csrf,
  qrSvg,
  secret,
  required,
  error,
}: {
  ctx: PageContext;
  csrf: string;
  qrSvg: string;
  secret: string;
  required: boolean;
  error?: string | undefined;
}) {
  const { t } = ctx;
  const errors: FieldErrors = error === undefined ? {} : { code: error };
  return (
    <Layout ctx={ctx} title={t('mfa.setup.title')}>
      <h1>{t('mfa.setup.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {required ? (
        <Banner tone="important">
          <p>{t('mfa.setup.required')}</p>
        </Banner>
      ) : null}
      <p>{t('mfa.setup.lead')}</p>
      {/* The SVG is drawn by the qrcode library from the otpauth URI: paths only, no text or script. */}
      <div class="qr" role="img" aria-label={t('mfa.setup.qr')} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p>
        {t('mfa.setup.manual')} <code>{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <form class="form" method="post" action="/akun/2fa" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="code"
          label={t('mfa.code')}
          error={errors.code}
          autocomplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={20}
        />
        <button type="submit">{t('mfa.setup.submit')}</button>
      </form>
    </Layout>
  );
}

export function RecoveryCodesPage({ ctx, codes, next }: { ctx: PageContext; codes: string[]; next: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('mfa.codes.title')}>
      <h1>{t('mfa.codes.title')}</h1>
      <p>{t('mfa.codes.lead')}</p>
      <ul class="codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <ButtonLink href={next}>{t('mfa.codes.continue')}</ButtonLink>
      </p>
    </Layout>
  );
}
