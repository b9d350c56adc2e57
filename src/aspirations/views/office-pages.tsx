/** /kelola/aspirasi: the inbox, one case with every action its status allows, and staff intake. */
import type { CouncilStructure } from '../../council/service.ts';
import type { OutboxStatus } from '../../db/schema.ts';
import { formatDate, formatNumber, formatPercent, formatTime } from '../../platform/format.ts';
import { type MessageKey, textOf } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { can } from '../../platform/permissions.ts';
import { BackLink, Button, ButtonLink, SummaryList } from '../../platform/views/components.tsx';
import { PushButton } from '../../platform/views/follow.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FilterSearch,
  FilterSelect,
  Notice,
  RowCheckbox,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { filteredLink, Pager } from '../../platform/views/pager.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import type { Cluster } from '../clusters.ts';
import { type AspirationView, type CaseFile, followUpKinds, isOpen } from '../service.ts';
import { DetailsForm, type Values } from './form-pages.tsx';
import { categoryName, DeadlineText, Facts, followUpTexts, kindLabel, Photos, placeName, Timeline } from './parts.tsx';
import { channelTexts, StatusBadge, statusLabel } from './shared.tsx';

const deliveryTexts = {
  sent: 'aspiration.delivery.sent',
  pending: 'aspiration.delivery.pending',
  failed: 'aspiration.delivery.failed',
  unconfigured: 'aspiration.delivery.unconfigured',
} as const satisfies Record<OutboxStatus, MessageKey>;

export interface InboxPageProps {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  items: AspirationView[];
  total: number;
  page: number;
  pageSize: number;
  query: Record<string, string>;
  notice?: string | undefined;
}

export function InboxPage({ ctx, csrf, structure, items, total, page, pageSize, query, notice }: InboxPageProps) {
  const { t } = ctx;
  const triage = ctx.user !== null && can(ctx.user.role, 'aspiration.triage');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => filteredLink('/kelola/aspirasi', query, { hal: String(p) });
  return (
    <Layout ctx={ctx} title={t('aspiration.inbox.title')}>
      <h1>{t('aspiration.inbox.title')}</h1>
      <Notice text={notice} />
      {triage ? (
        <p>
          <ButtonLink href="/kelola/aspirasi/baru">{t('aspiration.intake.title')}</ButtonLink>{' '}
          <a href="/kelola/aspirasi/templat">{t('aspiration.templates.title')}</a>{' '}
          <a href="/kelola/aspirasi/kelompok">{t('aspiration.clusters.title')}</a>
        </p>
      ) : null}
      <form method="get" action="/kelola/aspirasi" class="filters">
        <FilterSearch label={t('aspiration.inbox.search')} value={query.q} />
        <FilterSelect
          ctx={ctx}
          name="status"
          label={t('aspiration.field.status')}
          value={query.status}
          options={[
            { value: 'open', label: t('aspiration.inbox.open') },
            ...(['received', 'verified', 'forwarded', 'resolved', 'rejected', 'referred', 'duplicate'] as const).map(
              (s) => ({ value: s, label: statusLabel(ctx, s) }),
            ),
          ]}
        />
        <FilterSelect
          ctx={ctx}
          name="jenis"
          label={t('aspiration.field.kind')}
          value={query.jenis}
          options={(['aspirasi', 'pengaduan', 'informasi', 'rahasia'] as const).map((k) => ({
            value: k,
            label: kindLabel(ctx, k),
          }))}
        />
        <FilterSelect
          ctx={ctx}
          name="kategori"
          label={t('aspiration.field.category')}
          value={query.kategori}
          options={structure.categories.map((c) => ({ value: c.slug, label: c.name }))}
        />
        <FilterSelect
          ctx={ctx}
          name="kecamatan"
          label={t('aspiration.filter.kecamatan')}
          value={query.kecamatan}
          options={structure.kecamatan.map((k) => ({ value: k.slug, label: k.name }))}
        />
        <button type="submit">{t('aspiration.filter.apply')}</button>
      </form>
      <p
        role="status"
        data-module={triage ? 'inbox-live' : undefined}
        data-source="/kelola/aspirasi/langsung"
        data-new-text={t('aspiration.inbox.live')}
        data-lost-text={t('live.reconnected')}
      >
        {t('aspiration.list.count', { n: total })}
      </p>
      {triage ? <PushButton ctx={ctx} csrf={csrf} queue /> : null}
      <form method="post" action="/kelola/aspirasi/massal">
        <CsrfField token={csrf} />
        <TableWrap label={t('aspiration.inbox.title')}>
          <table>
            <thead>
              <tr>
                {triage ? <th scope="col">{t('aspiration.inbox.select')}</th> : null}
                <th scope="col">{t('aspiration.field.code')}</th>
                <th scope="col">{t('aspiration.field.title')}</th>
                <th scope="col">{t('aspiration.field.status')}</th>
                <th scope="col">{t('aspiration.inbox.deadline')}</th>
                <th scope="col">{t('aspiration.field.place')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.code}>
                  {triage ? (
                    <td>
                      {a.status === 'received' || a.status === 'verified' ? (
                        <RowCheckbox
                          name="codes"
                          value={a.code}
                          label={t('aspiration.inbox.selectOne', { code: a.code })}
                        />
                      ) : null}
                    </td>
                  ) : null}
                  <td>
                    <a href={`/kelola/aspirasi/${a.code}`}>{a.code}</a>
                  </td>
                  <td>
                    {a.title}
                    <br />
                    <span class="meta">
                      {kindLabel(ctx, a.kind)} · {categoryName(ctx, a)}
                    </span>
                  </td>
                  <td>
                    <StatusBadge ctx={ctx} status={a.status} />
                  </td>
                  <td>
                    <DeadlineText ctx={ctx} deadline={a.deadline} />
                  </td>
                  <td>{placeName(a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {triage ? (
          <div class="filters">
            <SelectField
              name="action"
              id="bulk-action"
              label={t('aspiration.inbox.bulk')}
              options={[
                { value: 'verify', label: t('aspiration.inbox.bulkVerify') },
                { value: 'forward', label: t('aspiration.inbox.bulkForward') },
              ]}
            />
            <Button variant="secondary">{t('aspiration.inbox.bulkApply')}</Button>
          </div>
        ) : null}
      </form>
      <Pager ctx={ctx} page={page} pages={pages} href={link} />
    </Layout>
  );
}

/**
 * /kelola/aspirasi/kelompok: open aspirations about the same issue, grouped, each group with its
 * shared words and a form that verifies, forwards or merges the chosen ones at once.
 */
export function ClustersPage({
  ctx,
  csrf,
  clusters,
  rule,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  clusters: Cluster[];
  rule: { days: number; similarity: number };
  notice: string | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('aspiration.clusters.title')}>
      <BackLink href="/kelola/aspirasi">{t('aspiration.inbox.title')}</BackLink>
      <h1>{t('aspiration.clusters.title')}</h1>
      <Notice text={notice} />
      <p>
        {t('aspiration.clusters.lead', {
          days: rule.days,
          similarity: formatPercent(Math.round(rule.similarity * 100), lang),
        })}
      </p>
      {clusters.length === 0 ? <p>{t('aspiration.clusters.none')}</p> : null}
      {clusters.map((c, n) => {
        const first = c.items[0] as Cluster['items'][number];
        const id = `kelompok-${n + 1}`;
        return (
          <section key={first.code} aria-labelledby={id}>
            <h2 id={id}>
              {t('aspiration.clusters.heading', {
                n: c.items.length,
                kecamatan: c.kecamatan,
                words: c.words.join(', '),
              })}
            </h2>
            <form method="post" action="/kelola/aspirasi/massal">
              <CsrfField token={csrf} />
              <input type="hidden" name="back" value="kelompok" />
              <input type="hidden" name="of" value={first.code} />
              <TableWrap label={t('aspiration.clusters.table', { n: n + 1 })}>
                <table>
                  <TableHead
                    columns={[
                      t('aspiration.inbox.select'),
                      t('aspiration.field.code'),
                      t('aspiration.field.title'),
                      t('aspiration.field.status'),
                      t('aspiration.clusters.received'),
                      t('aspiration.field.place'),
                    ]}
                  />
                  <tbody>
                    {c.items.map((a) => (
                      <tr key={a.code}>
                        <td>
                          <RowCheckbox
                            name="codes"
                            value={a.code}
                            label={t('aspiration.inbox.selectOne', { code: a.code })}
                          />
                        </td>
                        <td>
                          <a href={`/kelola/aspirasi/${a.code}`}>{a.code}</a>
                        </td>
                        <td>{a.title}</td>
                        <td>
                          <StatusBadge ctx={ctx} status={a.status} />
                        </td>
                        <td>{formatDate(a.receivedAt, lang)}</td>
                        <td>{a.place}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <p class="actions">
                <Button variant="secondary" name="action" value="verify">
                  {t('aspiration.clusters.verify')}
                </Button>{' '}
                <Button variant="secondary" name="action" value="forward">
                  {t('aspiration.clusters.forward')}
                </Button>{' '}
                <Button variant="secondary" name="action" value="duplicate">
                  {t('aspiration.clusters.merge', { code: first.code })}
                </Button>
              </p>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}

export interface CasePageProps {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  file: CaseFile;
  errors: FieldErrors;
  values: Values;
  notice?: string | undefined;
  /** The signed-in person is a member linked to a member record: they may answer in their own name. */
  suggestedKomisi: string | undefined;
  /** An answer template chosen to start the response from. */
  template?: { title: string; body: string } | undefined;
}

function ActionForm({
  code,
  csrf,
  action,
  children,
  button,
  secondary,
}: {
  code: string;
  csrf: string;
  action: string;
  children?: preact.ComponentChildren;
  button: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={`/kelola/aspirasi/${code}`} novalidate class="action">
      <CsrfField token={csrf} />
      <input type="hidden" name="action" value={action} />
      {children}
      <Button variant={secondary === true ? 'secondary' : 'primary'}>{button}</Button>
    </form>
  );
}

/** What a choice on the case page (category, place) is drawn from. */
interface ChoiceProps {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  file: CaseFile;
  error: string | undefined;
}

/** The place, for those who triage: the kelurahan the text names (one click), or any other. */
function PlaceChoice({ ctx, csrf, structure, file, error }: ChoiceProps) {
  const { t } = ctx;
  const { view, place } = file;
  return (
    <section aria-labelledby="lokasi">
      <h2 id="lokasi">{t('aspiration.place.title')}</h2>
      {place === undefined ? null : (
        <>
          <p>{t('aspiration.place.suggestion', { ...place })}</p>
          <p class="hint">{t('aspiration.place.hint')}</p>
          <ActionForm
            code={view.code}
            csrf={csrf}
            action="place"
            button={t('aspiration.place.take', { kelurahan: place.kelurahan })}
          >
            <input type="hidden" name="kelurahan" value={String(place.kelurahanId)} />
          </ActionForm>
        </>
      )}
      <ActionForm code={view.code} csrf={csrf} action="place" button={t('aspiration.place.save')} secondary>
        <SelectField
          name="kelurahan"
          id="location"
          label={t('aspiration.place.choose')}
          error={error}
          value={view.kelurahan === undefined ? undefined : String(view.kelurahan.id)}
          options={structure.kecamatan.flatMap((k) =>
            k.kelurahan.map((l) => ({ value: String(l.id), label: `${l.name}, ${k.name}` })),
          )}
        />
      </ActionForm>
    </section>
  );
}

/**
 * Earlier aspirations like this one, each saying why (words, place, time): one click marks this
 * one a duplicate of an open or resolved one; an earlier answer can start this one's response.
 */
function SimilarCases({ ctx, csrf, file }: { ctx: PageContext; csrf: string; file: CaseFile }) {
  const { t, lang } = ctx;
  const { view } = file;
  const mayMerge = isOpen(view.status);
  const mayAnswer = ['verified', 'forwarded', 'resolved', 'referred'].includes(view.status);
  return (
    <section aria-labelledby="serupa">
      <h2 id="serupa">{t('aspiration.earlier.title')}</h2>
      <p class="hint">{t('aspiration.earlier.lead')}</p>
      <ol class="list">
        {file.similar.map((c) => {
          const why = [
            c.words.length === 0 ? null : t('aspiration.earlier.words', { words: c.words.join(', ') }),
            c.samePlace === 'kelurahan'
              ? t('aspiration.earlier.sameKelurahan')
              : c.samePlace === 'kecamatan'
                ? t('aspiration.earlier.sameKecamatan')
                : null,
            c.daysBefore === 0
              ? t('aspiration.earlier.sameDay')
              : t('aspiration.earlier.daysBefore', { n: formatNumber(c.daysBefore, lang) }),
          ].filter((x) => x !== null);
          return (
            <li key={c.code}>
              <h3>
                <a href={`/kelola/aspirasi/${c.code}`}>{c.code}</a>: {c.title}
              </h3>
              <p>
                <StatusBadge ctx={ctx} status={c.status} /> {formatDate(c.receivedAt, lang)}
                {c.place === '' ? '' : ` · ${c.place}`}
              </p>
              <p class="hint">{`${why.join('; ')}.`}</p>
              {c.answer === null ? null : (
                <details>
                  <summary>{t('aspiration.earlier.answer')}</summary>
                  <p class="prose">{c.answer}</p>
                  {mayAnswer ? (
                    <p>
                      <a href={`/kelola/aspirasi/${view.code}?jawaban=${c.code}#respond-body`}>
                        {t('aspiration.earlier.reuse')}
                      </a>
                    </p>
                  ) : null}
                </details>
              )}
              {mayMerge && (isOpen(c.status) || c.status === 'resolved') ? (
                <ActionForm
                  code={view.code}
                  csrf={csrf}
                  action="duplicate"
                  button={t('aspiration.earlier.merge', { code: c.code })}
                  secondary
                >
                  <input type="hidden" name="of" value={c.code} />
                </ActionForm>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * The category, for those who triage: the model's suggestion with its confidence and the words
 * behind it (taken with one click), and the choice of any other category.
 */
function CategoryChoice({ ctx, csrf, structure, file, error }: ChoiceProps) {
  const { t, lang } = ctx;
  const { view, suggestion } = file;
  const suggested = structure.categories.find((c) => c.id === suggestion?.categoryId);
  const nameOf = (c: { name: string; nameEn: string }) => (lang === 'en' ? c.nameEn : c.name);
  return (
    <section aria-labelledby="kategori">
      <h2 id="kategori">{t('aspiration.field.category')}</h2>
      {suggestion === undefined || suggested === undefined ? null : (
        <>
          <p>
            {t('aspiration.suggestion.text', {
              category: nameOf(suggested),
              confidence: formatPercent(Math.round(suggestion.confidence * 100), lang),
              words: suggestion.because.join(', '),
            })}
          </p>
          <p class="hint">
            {t('aspiration.suggestion.basis', {
              accuracy: formatPercent(Math.round(suggestion.accuracy * 100), lang),
              n: formatNumber(suggestion.testedOn, lang),
            })}
          </p>
          {suggestion.outcome === 'applied' && suggested.id === view.category?.id ? (
            <p>{t('aspiration.suggestion.applied')}</p>
          ) : suggested.id === view.category?.id ? (
            <p>{t('aspiration.suggestion.same')}</p>
          ) : suggestion.outcome === 'corrected' ? (
            <p>{t('aspiration.suggestion.setAside')}</p>
          ) : (
            <ActionForm
              code={view.code}
              csrf={csrf}
              action="category"
              button={t('aspiration.suggestion.take', { category: nameOf(suggested) })}
            >
              <input type="hidden" name="category" value={suggested.slug} />
            </ActionForm>
          )}
        </>
      )}
      <ActionForm code={view.code} csrf={csrf} action="category" button={t('aspiration.suggestion.save')} secondary>
        <SelectField
          name="category"
          label={t('aspiration.suggestion.choose')}
          error={error}
          value={view.category?.slug}
          options={structure.categories.map((c) => ({ value: c.slug, label: nameOf(c) }))}
        />
      </ActionForm>
    </section>
  );
}

export function CasePage({
  ctx,
  csrf,
  structure,
  file,
  errors,
  values,
  notice,
  suggestedKomisi,
  template,
}: CasePageProps) {
  const { t } = ctx;
  const { view, reporter } = file;
  const role = ctx.user?.role;
  const triage = role !== undefined && can(role, 'aspiration.triage');
  const s = view.status;
  const v = (name: string) => (values.action === undefined ? undefined : values[name]);
  // Several forms have a "body" field; the summary must jump to the one that was sent.
  const summary: FieldErrors = Object.fromEntries(
    Object.entries(errors).map(([k, m]) => [k === 'body' ? `${values.action ?? 'note'}-body` : k, m]),
  );
  return (
    <Layout ctx={ctx} title={`${view.code}: ${view.title}`}>
      <p>
        <a href="/kelola/aspirasi">{t('aspiration.inbox.back')}</a> ·{' '}
        <a href={`/aspirasi/${view.code}`}>{t('aspiration.case.public')}</a>
      </p>
      <Notice text={notice} />
      <h1>{view.title}</h1>
      <ErrorSummary ctx={ctx} errors={summary} />
      <Facts ctx={ctx} view={view} />
      <h2>{t('aspiration.case.reporter')}</h2>
      {reporter === null ? (
        <p>{t('aspiration.case.reporterHidden')}</p>
      ) : (
        <SummaryList>
          <dt>{t('aspiration.field.name')}</dt>
          <dd>{reporter.name ?? '—'}</dd>
          <dt>{t('aspiration.field.email')}</dt>
          <dd>{reporter.email ?? '—'}</dd>
          <dt>{t('aspiration.field.phone')}</dt>
          <dd>{reporter.phone ?? '—'}</dd>
          <dt>{t('aspiration.case.consent')}</dt>
          <dd>
            {reporter.consentVersion}, {formatDate(reporter.consentAt, ctx.lang)}
          </dd>
          <dt>{t('aspiration.field.channel')}</dt>
          <dd>{textOf(t, channelTexts, view.channel)}</dd>
        </SummaryList>
      )}
      <p class="hint">{t('aspiration.case.audited')}</p>
      <h2>{t('aspiration.field.description')}</h2>
      <p class="prose">{view.description}</p>
      <Photos ctx={ctx} view={view} />
      {file.members.length === 0 ? null : (
        <>
          <h2>{t('aspiration.case.members', { n: view.dapilNumber ?? '' })}</h2>
          <p>
            {file.members.map((m, i) => (
              <span key={m.slug}>
                {i > 0 ? ', ' : ''}
                <a href={`/anggota/${m.slug}`}>{m.name}</a>
              </span>
            ))}
          </p>
        </>
      )}
      <h2>{t('aspiration.timeline')}</h2>
      <Timeline ctx={ctx} view={view} internal />

      {triage && file.similar.length > 0 ? <SimilarCases ctx={ctx} csrf={csrf} file={file} /> : null}

      {triage && (s === 'received' || s === 'verified' || s === 'forwarded') ? (
        <>
          <CategoryChoice ctx={ctx} csrf={csrf} structure={structure} file={file} error={errors.category} />
          <PlaceChoice ctx={ctx} csrf={csrf} structure={structure} file={file} error={errors.location} />
        </>
      ) : null}

      <h2>{t('aspiration.case.actions')}</h2>
      {triage && s === 'received' ? (
        <ActionForm code={view.code} csrf={csrf} action="verify" button={t('aspiration.action.verify')} />
      ) : null}
      {triage && (s === 'verified' || s === 'forwarded') ? (
        <ActionForm code={view.code} csrf={csrf} action="forward" button={t('aspiration.action.forward')}>
          <SelectField
            name="komisi"
            label={t('aspiration.field.komisi')}
            hint={t('aspiration.case.suggested')}
            error={errors.komisi}
            value={v('komisi') ?? view.komisi?.slug ?? suggestedKomisi}
            options={structure.komisi.map((k) => ({
              value: k.slug,
              label: `${k.name}${k.field === null ? '' : ` — ${k.field.split(' (')[0]}`}`,
            }))}
          />
        </ActionForm>
      ) : null}
      {s !== 'duplicate' &&
      s !== 'rejected' &&
      can(role, 'aspiration.respond') &&
      ['verified', 'forwarded', 'resolved', 'referred'].includes(s) ? (
        <ActionForm code={view.code} csrf={csrf} action="respond" button={t('aspiration.action.respond')}>
          {file.templates.length === 0 ? null : (
            <details open={template !== undefined}>
              <summary>{t('aspiration.templates.use')}</summary>
              <ul>
                {file.templates.map((tpl) => (
                  <li key={tpl.id}>
                    <a href={`/kelola/aspirasi/${view.code}?templat=${tpl.id}#respond-body`}>{tpl.title}</a>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <TextArea
            name="body"
            id="respond-body"
            label={t('aspiration.case.response')}
            value={v('action') === 'respond' ? v('body') : template?.body}
            error={v('action') === 'respond' ? errors.body : undefined}
            rows={5}
            maxLength={3000}
          />
        </ActionForm>
      ) : null}
      {['verified', 'forwarded', 'resolved'].includes(s) && can(role, 'aspiration.respond') ? (
        <ActionForm code={view.code} csrf={csrf} action="followUp" button={t('aspiration.action.followUp')} secondary>
          <SelectField
            name="kind"
            label={t('aspiration.case.followUpKind')}
            value={v('kind')}
            options={followUpKinds.map((k) => ({ value: k, label: t(followUpTexts[k]) }))}
          />
          <TextArea
            name="body"
            id="followUp-body"
            label={t('aspiration.case.followUpBody')}
            value={v('action') === 'followUp' ? v('body') : undefined}
            error={v('action') === 'followUp' ? errors.body : undefined}
            rows={3}
            maxLength={3000}
          />
        </ActionForm>
      ) : null}
      {triage && (s === 'verified' || s === 'forwarded') ? (
        <ActionForm code={view.code} csrf={csrf} action="resolve" button={t('aspiration.action.resolve')}>
          <TextArea
            name="body"
            id="resolve-body"
            label={t('aspiration.case.resolution')}
            value={v('action') === 'resolve' ? v('body') : undefined}
            error={v('action') === 'resolve' ? errors.body : undefined}
            rows={3}
            maxLength={3000}
          />
        </ActionForm>
      ) : null}
      {triage && isOpen(s) ? (
        <details
          class="more-actions"
          open={values.action === 'refer' || values.action === 'reject' || values.action === 'duplicate'}
        >
          <summary>{t('aspiration.case.moreActions')}</summary>
          <ActionForm code={view.code} csrf={csrf} action="refer" button={t('aspiration.action.refer')} secondary>
            <TextField
              name="agency"
              label={t('aspiration.case.agency')}
              value={v('agency')}
              error={errors.agency}
              maxLength={200}
            />
            <TextArea
              name="body"
              id="refer-body"
              label={t('aspiration.case.referBody')}
              value={v('action') === 'refer' ? v('body') : undefined}
              error={v('action') === 'refer' ? errors.body : undefined}
              rows={3}
              maxLength={3000}
            />
          </ActionForm>
          <ActionForm
            code={view.code}
            csrf={csrf}
            action="duplicate"
            button={t('aspiration.action.duplicate')}
            secondary
          >
            <TextField
              name="of"
              label={t('aspiration.case.duplicateOf')}
              value={v('of')}
              error={errors.of}
              maxLength={40}
            />
          </ActionForm>
          {s !== 'forwarded' ? (
            <ActionForm code={view.code} csrf={csrf} action="reject" button={t('aspiration.action.reject')} secondary>
              <TextArea
                name="reason"
                label={t('aspiration.case.rejectReason')}
                value={v('reason')}
                error={errors.reason}
                rows={3}
                maxLength={3000}
              />
            </ActionForm>
          ) : null}
        </details>
      ) : null}
      {triage ? (
        <details class="more-actions" open={values.action === 'hide'}>
          <summary>{t('aspiration.case.hide')}</summary>
          <p class="hint">{t('aspiration.case.hideLead')}</p>
          {view.hiddenPassages.length === 0 ? null : (
            <>
              <p>{t('aspiration.case.hidden')}:</p>
              <ul>
                {view.hiddenPassages.map((p) => (
                  <li key={p}>
                    <q>{p}</q>
                  </li>
                ))}
              </ul>
            </>
          )}
          <ActionForm code={view.code} csrf={csrf} action="hide" button={t('aspiration.action.hide')} secondary>
            <TextArea
              name="passage"
              label={t('aspiration.case.passage')}
              value={v('passage')}
              error={errors.passage}
              rows={2}
              maxLength={500}
            />
            <TextField
              name="hideReason"
              label={t('aspiration.case.hideReason')}
              value={v('hideReason')}
              error={errors.hideReason}
              maxLength={500}
            />
          </ActionForm>
        </details>
      ) : null}
      {can(role, 'aspiration.respond') ? (
        <ActionForm code={view.code} csrf={csrf} action="note" button={t('aspiration.action.note')} secondary>
          <TextArea
            name="body"
            id="note-body"
            label={t('aspiration.case.note')}
            value={v('action') === 'note' ? v('body') : undefined}
            error={v('action') === 'note' ? errors.body : undefined}
            rows={3}
            maxLength={3000}
          />
        </ActionForm>
      ) : null}

      {triage ? (
        <>
          <h2>{t('aspiration.case.messages')}</h2>
          {file.messages.length === 0 ? (
            <p>{t('aspiration.case.noMessages')}</p>
          ) : (
            <TableWrap label={t('aspiration.case.messages')}>
              <table>
                <TableHead
                  columns={[
                    t('aspiration.case.messageAt'),
                    t('aspiration.case.channel'),
                    t('aspiration.case.subject'),
                    t('aspiration.case.delivery'),
                  ]}
                />
                <tbody>
                  {file.messages.map((m) => (
                    <tr key={m.id}>
                      <td>
                        {formatDate(m.created_at, ctx.lang)} {formatTime(m.created_at, ctx.lang)}
                      </td>
                      <td>{m.channel}</td>
                      <td>{m.subject}</td>
                      <td>
                        {textOf(t, deliveryTexts, m.status)}
                        {m.last_error === null ? null : (
                          <>
                            <br />
                            <span class="meta">{m.last_error}</span>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      ) : null}
    </Layout>
  );
}

export function IntakePage({
  ctx,
  csrf,
  structure,
  errors,
  values,
}: {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  errors: FieldErrors;
  values: Values;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('aspiration.intake.title')}>
      <BackLink href="/kelola/aspirasi">{t('aspiration.inbox.back')}</BackLink>
      <h1>{t('aspiration.intake.title')}</h1>
      <p class="lead">{t('aspiration.intake.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <DetailsForm ctx={ctx} csrf={csrf} errors={errors} values={values} intake={{ structure }} />
    </Layout>
  );
}

export function TemplatesPage({
  ctx,
  csrf,
  templates,
  errors,
  values,
  notice,
}: {
  ctx: PageContext;
  csrf: string;
  templates: { id: number; title: string; body: string }[];
  errors: FieldErrors;
  values: Values;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('aspiration.templates.title')}>
      <BackLink href="/kelola/aspirasi">{t('aspiration.inbox.back')}</BackLink>
      <h1>{t('aspiration.templates.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {templates.length === 0 ? <p>{t('aspiration.templates.none')}</p> : null}
      <ul class="list">
        {templates.map((tpl) => (
          <li key={tpl.id}>
            <h2>{tpl.title}</h2>
            <p class="prose">{tpl.body}</p>
          </li>
        ))}
      </ul>
      <h2>{t('aspiration.templates.add')}</h2>
      <form method="post" action="/kelola/aspirasi/templat" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="title"
          label={t('aspiration.templates.name')}
          value={values.title}
          error={errors.title}
          maxLength={120}
        />
        <TextArea
          name="body"
          label={t('aspiration.templates.body')}
          value={values.body}
          error={errors.body}
          rows={5}
          maxLength={3000}
        />
        <button type="submit">{t('aspiration.templates.save')}</button>
      </form>
    </Layout>
  );
}
