/**
 * The PPID's yearly figures (the annual report of public information service, Perki 1/2021): the
 * requests of a year by month, their decisions, how many working days an answer took (median),
 * how many were extended or late, and the objections with their outcome. Public: figures only,
 * nobody's request. As a page, a spreadsheet and a PDF.
 */
import { getCouncil } from '../council/service.ts';
import type { InformationDecision } from '../db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { formatDate, formatNumber, monthOf } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import { type Block, pdfDocument } from '../platform/pdf-document.ts';
import { jakartaDay, workingDaysUntil } from '../platform/working-days.ts';
import { writeXlsx } from '../platform/xlsx.ts';
import * as q from './queries.ts';
import { clockOf, decisions, decisionTexts } from './requests.ts';

type Language = Deps['config']['defaultLanguage'];

export interface MonthFigures {
  /** YYYY-MM */
  month: string;
  received: number;
  answered: number;
}

export interface AnnualFigures {
  year: number;
  /** Years with requests, newest first (the current year always among them). */
  years: number[];
  received: number;
  answered: number;
  /** Not answered yet. */
  open: number;
  extended: number;
  /** Answered after the deadline, or unanswered past it. */
  late: number;
  /** Working days from receipt to answer, the median of the answered; null when none. */
  medianDays: number | null;
  byMonth: MonthFigures[];
  byDecision: { decision: InformationDecision; n: number }[];
  objections: { filed: number; upheld: number; rejected: number; waiting: number };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function annualFigures(deps: Deps, year: number, now = new Date()): Promise<AnnualFigures> {
  const structure = await getCouncil(deps.db);
  const councilId = structure.council.id;
  const [rows, known] = await Promise.all([
    q.yearRequests(deps.db, councilId, year),
    q.requestYears(deps.db, councilId),
  ]);
  const today = jakartaDay(now);
  const thisYear = Number(today.slice(0, 4));
  const years = [...new Set([thisYear, ...known])].sort((a, b) => b - a);
  const byMonth: MonthFigures[] = Array.from({ length: 12 }, (_, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    received: 0,
    answered: 0,
  }));
  const days: number[] = [];
  let late = 0;
  for (const r of rows) {
    const month = byMonth[Number(r.received_on.slice(5, 7)) - 1];
    if (month !== undefined) month.received++;
    if (r.answered_on !== null) {
      const answeredMonth = byMonth[Number(r.answered_on.slice(5, 7)) - 1];
      if (answeredMonth !== undefined && r.answered_on.startsWith(String(year))) answeredMonth.answered++;
      days.push(workingDaysUntil(r.received_on, r.answered_on, structure.holidays));
    }
    if (clockOf(r, structure.holidays, today).late) late++;
  }
  const answered = rows.filter((r) => r.decision !== null).length;
  return {
    year,
    years,
    received: rows.length,
    answered,
    open: rows.length - answered,
    extended: rows.filter((r) => r.extension_days !== null).length,
    late,
    medianDays: median(days),
    byMonth,
    byDecision: decisions.map((decision) => ({ decision, n: rows.filter((r) => r.decision === decision).length })),
    objections: {
      filed: rows.filter((r) => r.objection_filed_on !== null).length,
      upheld: rows.filter((r) => r.objection_outcome === 'dikabulkan').length,
      rejected: rows.filter((r) => r.objection_outcome === 'ditolak').length,
      waiting: rows.filter((r) => r.objection_filed_on !== null && r.objection_outcome === null).length,
    },
  };
}

/** The figures as term and value rows, month rows and decision rows: one source for the page and the files. */
export function reportTables(f: AnnualFigures, lang: Language) {
  const t = translator(lang);
  const n = (value: number) => formatNumber(value, lang);
  const summary: [string, string][] = [
    [t('ppid.report.received'), n(f.received)],
    [t('ppid.report.answered'), n(f.answered)],
    [t('ppid.report.open'), n(f.open)],
    [t('ppid.report.extended'), n(f.extended)],
    [t('ppid.report.late'), n(f.late)],
    [
      t('ppid.report.medianDays'),
      f.medianDays === null ? t('ppid.report.none') : t('ppid.report.days', { n: formatNumber(f.medianDays, lang) }),
    ],
    [t('ppid.report.objections'), n(f.objections.filed)],
    [t('ppid.outcome.dikabulkan'), n(f.objections.upheld)],
    [t('ppid.outcome.ditolak'), n(f.objections.rejected)],
    [t('ppid.report.objectionsWaiting'), n(f.objections.waiting)],
  ];
  const months = {
    columns: [t('ppid.report.month'), t('ppid.report.received'), t('ppid.report.answered')],
    rows: f.byMonth.map((m) => [monthOf({ lang }, m.month), m.received, m.answered] as [string, number, number]),
  };
  const decided = {
    columns: [t('ppid.field.decision'), t('ppid.report.count')],
    rows: f.byDecision.map((d) => [t(decisionTexts[d.decision]), d.n] as [string, number]),
  };
  return { summary, months, decided };
}

/** The report as a workbook (summary, months, decisions) and as a PDF. */
export async function reportFiles(deps: Deps, f: AnnualFigures, now = new Date()) {
  const lang = deps.config.defaultLanguage;
  const t = translator(lang);
  const structure = await getCouncil(deps.db);
  const { summary, months, decided } = reportTables(f, lang);
  const title = t('ppid.report.docTitle', { year: f.year, council: structure.council.name });
  const blocks: Block[] = [
    { kind: 'paragraph', text: t('ppid.report.docIntro', { when: formatDate(now, lang) }) },
    { kind: 'heading', text: t('ppid.report.summary') },
    { kind: 'facts', rows: summary },
    { kind: 'heading', text: t('ppid.report.byMonth') },
    { kind: 'table', columns: months.columns, rows: months.rows.map((r) => r.map(String)) },
    { kind: 'heading', text: t('ppid.report.byDecision') },
    { kind: 'table', columns: decided.columns, rows: decided.rows.map((r) => r.map(String)) },
  ];
  const pdf = await pdfDocument({ title, author: structure.council.name, lang: 'id-ID', createdAt: now }, blocks);
  const xlsx = writeXlsx([
    { name: t('ppid.report.summary'), rows: [[t('ppid.report.term'), t('ppid.report.value')], ...summary] },
    { name: t('ppid.report.byMonth'), rows: [months.columns, ...months.rows] },
    { name: t('ppid.report.byDecision'), rows: [decided.columns, ...decided.rows] },
  ]);
  return { pdf, xlsx, title };
}
