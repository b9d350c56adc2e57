/**
 * /kelola/komponen: every part pages are built from, in each state it has, rendered by the same
 * code the pages use, so that a change that breaks one is seen here once (a browser test takes
 * it at 360 px and 1280 px and runs axe on it). Focus and hover are seen by tabbing and pointing.
 */
import type { ComponentChildren } from 'preact';
import { StatusBadge } from '../../aspirations/views/shared.tsx';
import { barChart } from '../../platform/charts.ts';
import { formatRupiahShort } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { ChartFigure } from '../../platform/views/chart.tsx';
import {
  BackLink,
  Banner,
  Breadcrumbs,
  Button,
  ButtonLink,
  SummaryList,
  Tabs,
  Tag,
} from '../../platform/views/components.tsx';
import {
  Checkboxes,
  CheckboxField,
  ErrorSummary,
  FileField,
  FilterSelect,
  Notice,
  Radios,
  SelectField,
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
      <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
      <h1>{t('components.title')}</h1>
      <p class="lead">{t('components.lead')}</p>

      <Part id="tombol" title={t('components.buttons')}>
        <p class="actions">
          <Button type="button">{t('components.primary')}</Button>
          <Button variant="secondary" type="button">
            {t('components.secondary')}
          </Button>
          <Button variant="warning" type="button">
            {t('components.warning')}
          </Button>
          <ButtonLink href="#komponen-tombol">{t('components.linkButton')}</ButtonLink>
          <Button type="button" variant="secondary">
            {t('components.secondary')}
          </Button>
          <Button type="button" variant="link">
            {t('components.link')}
          </Button>
          <Button type="button" disabled>
            {t('components.disabled')}
          </Button>
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
        <SelectField
          name="contoh-komisi"
          label={t('aspiration.field.komisi')}
          hint={t('components.hint')}
          error={t('aspiration.required.kind')}
          value={undefined}
          empty={t('form.choose')}
          options={[{ value: 'komisi-i', label: 'Komisi I' }]}
        />
        <FileField
          name="contoh-berkas"
          label={t('aspiration.field.photos', { max: 5 })}
          hint={t('aspiration.photosHint')}
          error={undefined}
          accept="image/jpeg,image/png"
          multiple
        />
      </Part>

      <Part id="lebar" title={t('components.widths')}>
        <TextField name="contoh-lebar-20" label="20" value="" width={20} />
        <TextField name="contoh-lebar-10" label="10" value="" width={10} />
        <TextField name="contoh-lebar-5" label="5" value="61,5" width={5} inputMode="decimal" />
        <TextField name="contoh-lebar-3" label="3" value="" width={3} />
      </Part>

      <Part id="pilihan" title={t('components.choices')}>
        <Radios
          name="contoh-jenis"
          legend={t('aspiration.field.kind')}
          error={t('aspiration.required.kind')}
          value="b"
          options={[
            { value: 'a', label: t('aspiration.kind.aspirasi'), hint: t('components.hint') },
            { value: 'b', label: t('aspiration.kind.pengaduan') },
          ]}
        />
        <Radios
          name="contoh-jajar"
          legend={t('components.inline')}
          inline
          value={undefined}
          options={[
            { value: 'ya', label: t('components.yes') },
            { value: 'tidak', label: t('components.no') },
          ]}
        />
        <Checkboxes
          name="contoh-cakupan"
          legend={t('components.choices')}
          hint={t('components.hint')}
          values={['baca']}
          options={[
            { value: 'baca', label: 'aspirations:read' },
            { value: 'tulis', label: 'aspirations:write', hint: t('components.hint') },
          ]}
        />
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
        <Banner tone="important">
          <p>{t('components.important')}</p>
        </Banner>
        <Banner tone="warning" title={t('components.warning')} id="contoh-peringatan">
          <p>{t('components.warningBanner')}</p>
        </Banner>
        <Banner tone="error">
          <p>{t('components.errorBanner')}</p>
        </Banner>
      </Part>

      <Part id="label" title={t('components.tags')}>
        <p class="actions">
          <Tag>{t('components.hint')}</Tag>
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
        <SummaryList
          rows={[
            [t('aspiration.field.code'), 'ASP-2026-000123'],
            [t('aspiration.field.received'), '29 November 2026, 09:15 WIB'],
            [t('aspiration.field.status'), <StatusBadge key="status" ctx={ctx} status="verified" />],
          ]}
        />
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

      <Part id="navigasi" title={t('components.navigation')}>
        <Tabs
          label={t('components.navigation')}
          items={[
            { href: '/kelola/komponen', label: t('agenda.view.daftar'), current: true },
            { href: '/kelola/komponen?tampilan=minggu', label: t('agenda.view.minggu') },
            { href: '/kelola/komponen?tampilan=bulan', label: t('agenda.view.bulan') },
          ]}
        />
        <Breadcrumbs
          label={t('budget.path')}
          items={[
            { href: '/kelola/komponen?akun=', label: t('budget.all') },
            { href: '/kelola/komponen?akun=5', label: '5 Belanja Daerah' },
            { href: '/kelola/komponen?akun=5.1', label: '5.1 Belanja Operasi', current: true },
          ]}
        />
        <p>
          <BackLink href="/kelola">{t('nav.backOffice')}</BackLink>
        </p>
      </Part>

      <Part id="grafik" title={t('components.chart')}>
        <ChartFigure
          caption={t('budget.overview')}
          draw={(width) =>
            barChart({
              width,
              categories: ['Pendapatan Daerah', 'Belanja Daerah', 'Pembiayaan Daerah'],
              series: [
                { name: t('budget.planned'), values: [6_700_000_000_000, 7_000_000_000_000, 360_000_000_000] },
                { name: t('budget.realised'), values: [5_100_000_000_000, 4_800_000_000_000, 330_000_000_000] },
              ],
              unit: (v) => formatRupiahShort(v, ctx.lang),
            })
          }
        >
          <p>{t('components.table')}</p>
        </ChartFigure>
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
