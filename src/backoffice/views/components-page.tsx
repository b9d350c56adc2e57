/**
 * /kelola/komponen: every part pages are built from, in each state it has, rendered by the same
 * code the pages use, so that a change that breaks one is seen here once (a browser test takes
 * it at 360 px and 1280 px and runs axe on it). Focus and hover are seen by tabbing and pointing.
 */
import type { ComponentChildren } from 'preact';
import { StatusBadge } from '../../aspirations/views/shared.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import {
  CheckboxField,
  ErrorSummary,
  FileField,
  FilterSelect,
  Notice,
  TextArea,
  TextField,
} from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pager } from '../../platform/views/pager.tsx';
import { TableHead, TableWrap } from '../../platform/views/table-wrap.tsx';
import { ProjectStatusBadge } from '../../projects/views/shared.tsx';

function Part({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`komponen-${id}`}>
      <h2 id={`komponen-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

export function ComponentsPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('components.title')}>
      <p>
        <a href="/kelola">{t('nav.backOffice')}</a>
      </p>
      <h1>{t('components.title')}</h1>
      <p class="lead">{t('components.lead')}</p>

      <Part id="tombol" title={t('components.buttons')}>
        <p class="actions">
          <button type="button">{t('components.primary')}</button>
          <button type="button" class="secondary">
            {t('components.secondary')}
          </button>
          <button type="button" class="button danger">
            {t('components.warning')}
          </button>
          <a class="button" href="#komponen-tombol">
            {t('components.linkButton')}
          </a>
          <button type="button" disabled>
            {t('components.disabled')}
          </button>
        </p>
      </Part>

      <Part id="ringkasan-kesalahan" title={t('components.errorSummary')}>
        <ErrorSummary
          ctx={ctx}
          errors={{ 'contoh-judul': t('aspiration.required.title'), 'contoh-jenis': t('aspiration.required.kind') }}
        />
      </Part>

      <Part id="isian" title={t('components.fields')}>
        <TextField name="contoh-biasa" label={t('aspiration.field.title')} value="" />
        <TextField
          name="contoh-petunjuk"
          label={t('project.field.progress')}
          hint={t('project.field.progressHint')}
          value="61,5"
          inputMode="decimal"
        />
        <TextField
          name="contoh-judul"
          label={t('aspiration.field.title')}
          value=""
          error={t('aspiration.required.title')}
        />
        <TextField name="contoh-mati" label={t('components.disabled')} value="—" disabled />
        <TextArea
          name="contoh-uraian"
          label={t('aspiration.field.description')}
          value=""
          error={t('aspiration.required.description')}
        />
        <FilterSelect
          ctx={ctx}
          name="contoh-pilihan"
          label={t('aspiration.field.status')}
          value="verified"
          options={[
            { value: 'received', label: t('aspiration.status.received') },
            { value: 'verified', label: t('aspiration.status.verified') },
          ]}
        />
        <FileField
          name="contoh-berkas"
          label={t('aspiration.field.photos', { max: 5 })}
          hint={t('aspiration.photosHint')}
          error={undefined}
          accept="image/jpeg,image/png"
        />
      </Part>

      <Part id="pilihan" title={t('components.choices')}>
        <fieldset class="field field-error" id="contoh-jenis">
          <legend>{t('aspiration.field.kind')}</legend>
          <p class="error-text" id="contoh-jenis-error">
            {t('aspiration.required.kind')}
          </p>
          <div class="radio">
            <input type="radio" id="contoh-jenis-a" name="contoh-jenis" value="a" />
            <label for="contoh-jenis-a">
              {t('aspiration.kind.aspirasi')}
              <span class="hint">{t('components.hint')}</span>
            </label>
          </div>
          <div class="radio">
            <input type="radio" id="contoh-jenis-b" name="contoh-jenis" value="b" checked />
            <label for="contoh-jenis-b">{t('aspiration.kind.pengaduan')}</label>
          </div>
        </fieldset>
        <CheckboxField name="contoh-centang" label={t('aspiration.field.showName')} checked={false} />
        <CheckboxField
          name="contoh-setuju"
          label={t('aspiration.consent.agree')}
          checked={false}
          error={t('aspiration.problem.consent')}
        />
      </Part>

      <Part id="pemberitahuan" title={t('components.banners')}>
        <Notice text={t('components.success')} />
        <div class="panel important">
          <p>{t('components.important')}</p>
        </div>
        <div class="panel warning">
          <p>{t('components.warningBanner')}</p>
        </div>
      </Part>

      <Part id="label" title={t('components.tags')}>
        <p class="actions">
          <StatusBadge ctx={ctx} status="received" />
          <StatusBadge ctx={ctx} status="verified" />
          <StatusBadge ctx={ctx} status="resolved" />
          <StatusBadge ctx={ctx} status="rejected" />
          <ProjectStatusBadge ctx={ctx} status="berjalan" />
          <ProjectStatusBadge ctx={ctx} status="terhambat" />
          <ProjectStatusBadge ctx={ctx} status="selesai" />
        </p>
      </Part>

      <Part id="daftar-ringkas" title={t('components.summaryList')}>
        <dl class="facts">
          <dt>{t('aspiration.field.code')}</dt>
          <dd>ASP-2026-000123</dd>
          <dt>{t('aspiration.field.received')}</dt>
          <dd>29 November 2026, 09:15 WIB</dd>
        </dl>
      </Part>

      <Part id="tabel" title={t('components.table')}>
        <TableWrap label={t('budget.diff.totals')}>
          <table>
            <TableHead columns={[t('budget.account'), t('budget.planned'), t('budget.realised'), '%']} />
            <tbody>
              <tr>
                <th scope="row">5.2.04.01 Belanja Modal Jalan, Irigasi dan Jaringan</th>
                <td class="number">Rp 750.000.000.000</td>
                <td class="number">Rp 400.000.000.000</td>
                <td class="number">53,3%</td>
              </tr>
            </tbody>
          </table>
        </TableWrap>
      </Part>

      <Part id="halaman" title={t('components.pagination')}>
        <Pager ctx={ctx} page={2} pages={5} href={(n) => `/kelola/komponen?hal=${n}`} />
      </Part>

      <Part id="rincian" title={t('components.details')}>
        <details>
          <summary>{t('components.detailsSummary')}</summary>
          <p>{t('components.hint')}</p>
        </details>
      </Part>

      <Part id="lini-masa" title={t('components.timeline')}>
        <ol class="timeline">
          <li class="event">
            <p class="event-head">
              <strong>{t('aspiration.status.received')}</strong> · 29 November 2026
            </p>
          </li>
          <li class="event event-internal">
            <p class="event-head">
              <strong>{t('aspiration.status.verified')}</strong> · 30 November 2026
            </p>
          </li>
        </ol>
      </Part>
    </Layout>
  );
}
