/** /akun/token: a person's API tokens — create (shown once), see when used, revoke. */
import { formatDate } from '../../platform/format.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Banner, Button } from '../../platform/views/components.tsx';
import { Checkboxes, CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';

export interface TokenRow {
  id: number;
  name: string;
  scopes: string[];
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface TokensPageProps {
  ctx: PageContext;
  csrf: string;
  tokens: TokenRow[];
  scopes: Record<string, MessageKey>;
  created?: string | undefined;
  errors: FieldErrors;
  values: Record<string, string>;
  /** The scopes ticked in a refused form, ticked again. */
  chosen: readonly string[];
}

export function TokensPage({ ctx, csrf, tokens, scopes, created, errors, values, chosen }: TokensPageProps) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('tokens.title')}>
      <h1>{t('tokens.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('tokens.lead')}</p>
      {created === undefined ? null : (
        <Banner tone="success">
          <p>{t('tokens.created')}</p>
          <p>
            <code>{created}</code>
          </p>
        </Banner>
      )}
      {tokens.length === 0 ? <p>{t('tokens.none')}</p> : null}
      <ul>
        {tokens.map((token) => (
          <li key={token.id}>
            <strong>{token.name}</strong> · {token.scopes.join(', ')}
            {token.expires_at === null
              ? null
              : ` · ${t('tokens.expires', { when: formatDate(token.expires_at, lang) })}`}
            {token.last_used_at === null
              ? null
              : ` · ${t('tokens.lastUsed', { when: formatDate(token.last_used_at, lang) })}`}
            {token.revoked_at !== null ? (
              ` · ${t('tokens.revoked')}`
            ) : (
              <form method="post" action={`/akun/token/${token.id}/cabut`} class="inline-form">
                <CsrfField token={csrf} /> <Button variant="secondary">{`${t('tokens.revoke')}: ${token.name}`}</Button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('tokens.create')}</h2>
      <form class="form" method="post" action="/akun/token" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="name"
          label={t('tokens.name')}
          value={values.name}
          error={errors.name}
          required
          maxLength={80}
        />
        <Checkboxes
          name="scopes"
          legend={t('tokens.scopes')}
          error={errors.scopes}
          values={chosen}
          options={Object.entries(scopes).map(([scope, label]) => ({ value: scope, label: `${t(label)} (${scope})` }))}
        />
        <TextField
          name="days"
          label={t('tokens.days')}
          value={values.days}
          error={errors.days}
          inputMode="numeric"
          maxLength={3}
        />
        <button type="submit">{t('tokens.create')}</button>
      </form>
      <p>
        <a href="/akun">{t('account.title')}</a>
      </p>
    </Layout>
  );
}
