/** The pages of accounts: sign-up, sign-in, password reset, invitation, and simple messages. */
import type { PageContext } from '../../platform/page-context.ts';
import { Button } from '../../platform/views/components.tsx';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Notice,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';

export interface FormPageProps {
  ctx: PageContext;
  csrf: string;
  errors: FieldErrors;
  values: Record<string, string>;
  notice?: string | undefined;
}

/** A password being chosen: the rules stated up front, the browser asked to suggest a strong one. */
export function NewPasswordField({
  ctx,
  error,
  label,
}: {
  ctx: PageContext;
  error: string | undefined;
  label?: string;
}) {
  return (
    <TextField
      name="password"
      type="password"
      label={label ?? ctx.t('account.newPassword')}
      hint={ctx.t('account.passwordHint')}
      error={error}
      autocomplete="new-password"
      required
    />
  );
}

export function SignOutForm({ ctx, csrf }: { ctx: PageContext; csrf: string }) {
  return (
    <form method="post" action="/keluar">
      <CsrfField token={csrf} />
      <p>
        <Button variant="secondary">{ctx.t('signout.submit')}</Button>
      </p>
    </form>
  );
}

export function SignUpPage({ ctx, csrf, errors, values, consentVersion }: FormPageProps & { consentVersion: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signup.title')}>
      <h1>{t('signup.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="lead">{t('signup.lead')}</p>
      <form class="form" method="post" action="/daftar" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="name"
          label={t('account.name')}
          value={values.name}
          error={errors.name}
          autocomplete="name"
          required
          maxLength={120}
        />
        <TextField
          name="email"
          type="email"
          label={t('account.email')}
          value={values.email}
          error={errors.email}
          autocomplete="email"
          required
          maxLength={254}
        />
        <NewPasswordField ctx={ctx} error={errors.password} label={t('account.password')} />
        <p class="hint">{t('account.privacy')}</p>
        <CheckboxField
          name="consent"
          label={t('account.consent', { version: consentVersion })}
          checked={values.consent === 'yes'}
          error={errors.consent}
        />
        <button type="submit">{t('signup.submit')}</button>
      </form>
      <p>
        <a href="/masuk">{t('signup.haveAccount')}</a>
      </p>
    </Layout>
  );
}

export function SignInPage({ ctx, csrf, errors, values, notice, next }: FormPageProps & { next: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signin.title')}>
      <h1>{t('signin.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="form" method="post" action="/masuk" novalidate>
        <CsrfField token={csrf} />
        <input type="hidden" name="lanjut" value={next} />
        <TextField
          name="email"
          type="email"
          label={t('account.email')}
          value={values.email}
          error={errors.email}
          autocomplete="username"
          required
          maxLength={254}
        />
        <TextField
          name="password"
          type="password"
          label={t('account.password')}
          error={errors.password}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t('signin.submit')}</button>
      </form>
      <p>
        <a href="/lupa-sandi">{t('signin.forgot')}</a>
      </p>
      <p>
        <a href="/daftar">{t('signin.noAccount')}</a>
      </p>
    </Layout>
  );
}

export function ForgotPage({ ctx, csrf, errors, values, notice }: FormPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('forgot.title')}>
      <h1>{t('forgot.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('forgot.lead')}</p>
      <form class="form" method="post" action="/lupa-sandi" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="email"
          type="email"
          label={t('account.email')}
          value={values.email}
          error={errors.email}
          autocomplete="email"
          required
          maxLength={254}
        />
        <button type="submit">{t('forgot.submit')}</button>
      </form>
    </Layout>
  );
}

export function SetPasswordPage({
  ctx,
  csrf,
  errors,
  action,
  title,
  lead,
  submit,
}: Omit<FormPageProps, 'values'> & { action: string; title: string; lead?: string; submit: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {lead === undefined ? null : <p>{lead}</p>}
      <form class="form" method="post" action={action} novalidate>
        <CsrfField token={csrf} />
        <NewPasswordField ctx={ctx} error={errors.password} />
        <button type="submit">{submit}</button>
      </form>
    </Layout>
  );
}
