/** /kelola/pengaturan: the council's service settings — categories and their komisi and targets, the verification period, and the holiday calendar. */
import { type MessageKey, textOf } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { BackLink, Button } from '../../platform/views/components.tsx';
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FieldGroup,
  Notice,
  SelectField,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import type { CouncilStructure } from '../service.ts';

const holidayKindTexts = {
  libur_nasional: 'settings.kind.libur_nasional',
  cuti_bersama: 'settings.kind.cuti_bersama',
  lokal: 'settings.kind.lokal',
} as const satisfies Record<string, MessageKey>;

export interface SettingsPageProps {
  ctx: PageContext;
  csrf: string;
  structure: CouncilStructure;
  holidays: { day: string; kind: string; source: string }[];
  errors: FieldErrors;
  /** Which form the errors belong to: a category id, "new", "verify" or "holiday". */
  form?: string | undefined;
  values: Partial<Record<string, string>>;
  notice?: string | undefined;
}

const kinds = ['libur_nasional', 'cuti_bersama', 'lokal'] as const;

function KomisiSelect({
  ctx,
  id,
  value,
  structure,
}: {
  ctx: PageContext;
  id: string;
  value: string;
  structure: CouncilStructure;
}) {
  return (
    <SelectField
      name="komisi"
      id={id}
      label={ctx.t('settings.komisi')}
      value={value}
      empty={ctx.t('settings.noKomisi')}
      options={structure.komisi.map((k) => ({ value: k.slug, label: k.name }))}
    />
  );
}

export function SettingsPage({ ctx, csrf, structure, holidays, errors, form, values, notice }: SettingsPageProps) {
  const { t } = ctx;
  const mine = (name: string) => (form === undefined ? undefined : errors[name]);
  const komisiSlug = (id: number | null) => structure.komisi.find((k) => k.id === id)?.slug ?? '';
  return (
    <Layout ctx={ctx} title={t('settings.title')}>
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('settings.title')}</h1>
      <Notice text={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />

      <h2>{t('settings.verify')}</h2>
      <form method="post" action="/kelola/pengaturan/verifikasi" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="verifyDays"
          label={t('settings.verifyDays')}
          hint={t('settings.verifyHint')}
          value={form === 'verify' ? values.verifyDays : String(structure.council.verify_days)}
          error={form === 'verify' ? mine('verifyDays') : undefined}
          inputMode="numeric"
          maxLength={2}
        />
        <button type="submit">{t('settings.save')}</button>
      </form>

      <h2>{t('settings.suggestions')}</h2>
      <p>{t('settings.suggestionsLead')}</p>
      <form method="post" action="/kelola/pengaturan/saran" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="minAccuracy"
          label={t('settings.minAccuracy')}
          hint={t('settings.minAccuracyHint')}
          value={
            form === 'suggestion'
              ? values.minAccuracy
              : String(Math.round(structure.council.suggestion_min_accuracy * 100))
          }
          error={form === 'suggestion' ? mine('minAccuracy') : undefined}
          inputMode="numeric"
          maxLength={3}
          width={3}
        />
        <Button>{t('settings.save')}</Button>
      </form>

      <h2>{t('settings.categories')}</h2>
      <p>{t('settings.categoriesLead')}</p>
      {structure.categories.map((c) => {
        const own = form === String(c.id);
        return (
          <form key={c.id} method="post" action={`/kelola/pengaturan/kategori/${c.id}`} class="action" novalidate>
            <CsrfField token={csrf} />
            <FieldGroup legend={c.name}>
              <TextField
                name="name"
                label={t('settings.name')}
                value={own ? values.name : c.name}
                error={own ? mine('name') : undefined}
                maxLength={120}
              />
              <TextField
                name="nameEn"
                label={t('settings.nameEn')}
                value={own ? values.nameEn : c.nameEn}
                maxLength={120}
              />
              <KomisiSelect
                ctx={ctx}
                id={`komisi-${c.id}`}
                value={own ? (values.komisi ?? '') : komisiSlug(c.komisiId)}
                structure={structure}
              />
              <TextField
                name="targetDays"
                label={t('settings.targetDays')}
                value={own ? values.targetDays : String(c.targetDays)}
                error={own ? mine('targetDays') : undefined}
                inputMode="numeric"
                maxLength={3}
              />
            </FieldGroup>
            <Button variant="secondary">{t('settings.saveCategory', { name: c.name })}</Button>
          </form>
        );
      })}
      <h3>{t('settings.addCategory')}</h3>
      <form method="post" action="/kelola/pengaturan/kategori" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="name"
          label={t('settings.name')}
          value={form === 'new' ? values.name : ''}
          error={form === 'new' ? mine('name') : undefined}
          maxLength={120}
        />
        <TextField
          name="nameEn"
          label={t('settings.nameEn')}
          value={form === 'new' ? values.nameEn : ''}
          maxLength={120}
        />
        <TextField
          name="slug"
          label={t('settings.slug')}
          hint={t('settings.slugHint')}
          value={form === 'new' ? values.slug : ''}
          error={form === 'new' ? mine('slug') : undefined}
          maxLength={80}
        />
        <KomisiSelect
          ctx={ctx}
          id="komisi-new"
          value={form === 'new' ? (values.komisi ?? '') : ''}
          structure={structure}
        />
        <TextField
          name="targetDays"
          label={t('settings.targetDays')}
          value={form === 'new' ? values.targetDays : '14'}
          error={form === 'new' ? mine('targetDays') : undefined}
          inputMode="numeric"
          maxLength={3}
        />
        <button type="submit">{t('settings.add')}</button>
      </form>

      <h2>{t('settings.holidays')}</h2>
      <p>{t('settings.holidaysLead')}</p>
      <TableWrap label={t('settings.holidays')}>
        <table>
          <TableHead
            columns={[t('settings.day'), t('settings.holidayKind'), t('settings.source'), t('settings.remove')]}
          />
          <tbody>
            {holidays.map((h) => (
              <tr key={h.day}>
                <td>{h.day}</td>
                <td>{textOf(t, holidayKindTexts, h.kind)}</td>
                <td>{h.source}</td>
                <td>
                  <form method="post" action={`/kelola/pengaturan/libur/${h.day}/hapus`}>
                    <CsrfField token={csrf} />
                    <Button variant="secondary" label={t('settings.removeDay', { day: h.day })}>
                      {t('settings.remove')}
                    </Button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{t('settings.addHoliday')}</h3>
      <form method="post" action="/kelola/pengaturan/libur" novalidate>
        <CsrfField token={csrf} />
        <TextField
          name="day"
          type="date"
          label={t('settings.day')}
          value={form === 'holiday' ? values.day : ''}
          error={form === 'holiday' ? mine('day') : undefined}
        />
        <SelectField
          name="kind"
          id="holidayKind"
          label={t('settings.holidayKind')}
          value={form === 'holiday' ? values.kind : undefined}
          options={kinds.map((k) => ({ value: k, label: t(`settings.kind.${k}`) }))}
        />
        <TextField
          name="source"
          label={t('settings.source')}
          hint={t('settings.sourceHint')}
          value={form === 'holiday' ? values.source : ''}
          error={form === 'holiday' ? mine('source') : undefined}
          maxLength={300}
        />
        <button type="submit">{t('settings.add')}</button>
      </form>
    </Layout>
  );
}
