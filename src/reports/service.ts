/**
 * The leadership's monthly report: on the first working day of a month, the figures of the month
 * before — the same as /kinerja shows for it, per komisi and kecamatan, with the satisfaction index
 * of each service unit — typeset as a PDF to read and a workbook to work with, kept, and mailed to
 * the leadership through the outbox in the transaction that keeps it. Once a month, whichever
 * instance runs the job first.
 */
import { getCouncil } from '../council/service.ts';
import { performanceView } from '../performance/service.ts';
import { figureCells, figureColumns, headlineRows } from '../performance/views/shared.tsx';
import { barChart } from '../platform/charts.ts';
import type { Deps } from '../platform/deps.ts';
import { dayOf, formatDate, formatNumber, formatTime, monthOf } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import type { Job } from '../platform/jobs.ts';
import { enqueueEmail } from '../platform/outbox.ts';
import { type Block, pdfDocument } from '../platform/pdf-document.ts';
import { isWorkingDay, jakartaDay } from '../platform/working-days.ts';
import { writeXlsx } from '../platform/xlsx.ts';
import { unitKey } from '../surveys/service.ts';
import * as q from './queries.ts';

/** The report is written in the council's language. */
const lang = 'id' as const;
const t = translator(lang);
const wording = { t, lang };

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month before the one a day (YYYY-MM-DD) is in. */
export function monthBefore(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The first working day of the month a day is in. */
export function firstWorkingDay(day: string, holidays: ReadonlySet<string>): string {
  let current = `${day.slice(0, 7)}-01`;
  while (!isWorkingDay(current, holidays)) {
    const next = new Date(`${current}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    current = next.toISOString().slice(0, 10);
  }
  return current;
}

/** The month's report as a PDF and a workbook. */
export async function makeReport(deps: Deps, month: string, now: Date): Promise<{ pdf: Buffer; xlsx: Uint8Array }> {
  const structure = await getCouncil(deps.db);
  const view = await performanceView(deps, { dari: month, sampai: month }, t);
  const { figures, names } = view;
  const komisiRows = figures.byKomisi
    .map((g) => ({
      name: g.komisiId === null ? t('performance.noKomisi') : (names.komisi.get(g.komisiId) ?? ''),
      f: g.figures,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const kecamatanRows = figures.byKecamatan
    .map((g) => ({ name: names.kecamatan.get(g.kecamatanId) ?? '', f: g.figures }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const headline = headlineRows(wording, figures.total);
  const komisiTable = {
    columns: figureColumns(wording, t('performance.komisi')),
    rows: komisiRows.map((r) => [r.name, ...figureCells(wording, r.f)]),
  };
  const kecamatanTable = {
    columns: figureColumns(wording, t('performance.kecamatan')),
    rows: kecamatanRows.map((r) => [r.name, ...figureCells(wording, r.f)]),
  };
  const ikmTable = {
    columns: [
      t('reports.doc.unit'),
      t('reports.doc.period'),
      t('performance.ikmValue'),
      t('performance.grade'),
      t('reports.doc.respondents'),
    ],
    rows: view.ikm.map((f) => [
      f.survey.serviceUnit === null ? f.survey.title : t(unitKey[f.survey.serviceUnit]),
      `${dayOf(wording, f.survey.opensOn)} – ${dayOf(wording, f.survey.closesOn)}`,
      new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2 }).format(f.ikm.index),
      f.ikm.grade,
      formatNumber(f.ikm.respondents, lang),
    ]),
  };
  const title = t('reports.doc.title', { month: monthOf(wording, month) });
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t('reports.doc.intro', {
        council: structure.council.name,
        when: `${formatDate(now, lang)} ${formatTime(now, lang)}`,
      }),
    },
    { kind: 'heading', text: t('reports.doc.summary') },
    { kind: 'facts', rows: headline },
    { kind: 'heading', text: t('reports.doc.byKomisi') },
  ];
  if (komisiRows.length > 0)
    blocks.push({
      kind: 'chart',
      svg: barChart({
        categories: komisiRows.map((r) => r.name),
        series: [
          { name: t('performance.received'), values: komisiRows.map((r) => r.f.received) },
          { name: t('performance.resolved'), values: komisiRows.map((r) => r.f.resolved) },
        ],
        width: 640,
      }),
    });
  blocks.push(
    { kind: 'table', ...komisiTable },
    { kind: 'heading', text: t('reports.doc.byKecamatan') },
    { kind: 'table', ...kecamatanTable },
    { kind: 'heading', text: t('reports.doc.ikm') },
    view.ikm.length === 0 ? { kind: 'paragraph', text: t('reports.doc.noIkm') } : { kind: 'table', ...ikmTable },
  );
  const pdf = await pdfDocument({ title, author: structure.council.name, lang: 'id-ID', createdAt: now }, blocks);
  const xlsx = writeXlsx([
    { name: t('reports.doc.summary'), rows: [[t('reports.doc.term'), t('reports.doc.value')], ...headline] },
    { name: t('performance.komisi'), rows: [komisiTable.columns, ...komisiTable.rows] },
    { name: t('performance.kecamatan'), rows: [kecamatanTable.columns, ...kecamatanTable.rows] },
    { name: 'IKM', rows: [ikmTable.columns, ...ikmTable.rows] },
  ]);
  return { pdf, xlsx };
}

/**
 * Makes, keeps and mails the report of the month before, when today (in Jakarta) is its first
 * working day or later and it is not kept yet. Returns the month made, or nothing.
 */
export async function makeDueReport(deps: Deps, now = new Date()): Promise<string | undefined> {
  const structure = await getCouncil(deps.db);
  const today = jakartaDay(now);
  if (today < firstWorkingDay(today, structure.holidays)) return undefined;
  const month = monthBefore(today);
  const councilId = structure.council.id;
  if ((await q.reportExists(deps.db, councilId, month)) !== undefined) return undefined;
  const { pdf, xlsx } = await makeReport(deps, month, now);
  const link = `${deps.config.publicBaseUrl}/kelola/laporan`;
  const monthTitle = monthOf(wording, month);
  const made = await deps.db.transaction().execute(async (trx) => {
    const kept = await q.insertReport(trx, { council_id: councilId, month, pdf, xlsx });
    if (kept === undefined) return false;
    const addresses = await q.leadershipAddresses(trx, councilId);
    for (const a of addresses)
      await enqueueEmail(trx, deps.sealer, {
        to: deps.sealer.open(a.email_sealed),
        subject: t('reports.mail.subject', { month: monthTitle }),
        text: t('reports.mail.body', { month: monthTitle, link }),
      });
    await q.setRecipients(trx, kept.id, addresses.length);
    return true;
  });
  return made ? month : undefined;
}

export function reportJobs(deps: Deps, kick: () => void): Job[] {
  return [
    {
      name: 'reports.monthly',
      everyMs: 60 * 60 * 1000,
      run: async () => {
        if ((await makeDueReport(deps)) !== undefined) kick();
      },
    },
  ];
}

export async function listReports(deps: Deps) {
  const structure = await getCouncil(deps.db);
  return q.listReports(deps.db, structure.council.id);
}

export async function reportFile(deps: Deps, month: string, format: 'pdf' | 'xlsx'): Promise<Uint8Array | undefined> {
  if (!MONTH.test(month)) return undefined;
  const structure = await getCouncil(deps.db);
  return (await q.reportFile(deps.db, structure.council.id, month, format))?.data;
}
