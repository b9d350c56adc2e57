import { getCouncil } from '../council/service.ts';
import type { RegulationStatus, RegulationType } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { SitemapEntry } from '../platform/feature.ts';
import { PdfUnreadableError, pdfText } from '../platform/pdf.ts';
import { SITEMAP_LIMIT } from '../platform/sitemap.ts';
import { fileStore } from '../platform/storage.ts';
import { pdfProblem, storeDocument, storedFile, type UploadedFile } from '../platform/uploads.ts';
import type { FieldError } from '../platform/validation.ts';
import { isCalendarDay } from '../platform/working-days.ts';
import * as q from './queries.ts';

export const regulationTypes: readonly RegulationType[] = [
  'perda',
  'perwal',
  'keputusan_dprd',
  'peraturan_dprd',
  'keputusan_pimpinan',
];
export const regulationStatuses: readonly RegulationStatus[] = ['berlaku', 'diubah', 'dicabut'];
export const FOLDER = 'jdih';
export const PAGE_SIZE = 20;

export type RegulationProblem =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'pdf'
  | 'tooLarge'
  | 'unreadable'
  | 'exists'
  | 'order';
export type RegulationError = FieldError<RegulationProblem>;

export interface RegulationInput {
  type: string;
  number: string;
  year: string;
  title: string;
  subject: string;
  enactedOn: string;
  promulgatedOn: string;
  register: string;
  file: UploadedFile | undefined;
}

export interface Regulation {
  id: number;
  type: RegulationType;
  number: string;
  year: number;
  title: string;
  subject: string;
  enactedOn: string;
  promulgatedOn: string | null;
  register: string | null;
  status: RegulationStatus;
  hasFile: boolean;
  bytes: number | null;
  updatedAt: Date;
  /** The passages that matched a search, with MARK_START/MARK_END around the words. */
  snippet: string | null;
}

type Row = Awaited<ReturnType<typeof q.listRegulations>>[number];

function toRegulation(r: Omit<Row, 'snippet'> & { snippet?: string | null }): Regulation {
  return {
    id: r.id,
    type: r.type,
    number: r.number,
    year: r.year,
    title: r.title,
    subject: r.subject,
    enactedOn: r.enacted_on,
    promulgatedOn: r.promulgated_on,
    register: r.register,
    status: r.status,
    hasFile: r.file !== null,
    bytes: r.bytes,
    updatedAt: r.updated_at,
    snippet: r.snippet ?? null,
  };
}

export async function addRegulation(
  deps: Deps,
  user: CurrentUser,
  input: RegulationInput,
  ip: string,
): Promise<{ ok: true; id: number } | { ok: false; errors: RegulationError[] }> {
  const errors: RegulationError[] = [];
  const type = regulationTypes.find((t) => t === input.type);
  if (type === undefined) errors.push({ field: 'type', problem: input.type === '' ? 'required' : 'invalid' });
  const number = input.number.trim();
  if (!/^[0-9A-Za-z./ -]{1,30}$/.test(number))
    errors.push({ field: 'number', problem: number === '' ? 'required' : 'invalid' });
  const year = /^\d{4}$/.test(input.year.trim()) ? Number(input.year) : 0;
  if (year < 1945 || year > 2200)
    errors.push({ field: 'year', problem: input.year.trim() === '' ? 'required' : 'invalid' });
  const title = input.title.trim();
  if (title.length < 5) errors.push({ field: 'title', problem: 'required' });
  else if (title.length > 500) errors.push({ field: 'title', problem: 'tooLong' });
  const subject = input.subject.trim();
  if (subject === '') errors.push({ field: 'subject', problem: 'required' });
  else if (subject.length > 100) errors.push({ field: 'subject', problem: 'tooLong' });
  const enactedOn = input.enactedOn.trim();
  if (!isCalendarDay(enactedOn))
    errors.push({ field: 'enactedOn', problem: enactedOn === '' ? 'required' : 'invalid' });
  const promulgatedOn = input.promulgatedOn.trim();
  if (promulgatedOn !== '' && !isCalendarDay(promulgatedOn))
    errors.push({ field: 'promulgatedOn', problem: 'invalid' });
  else if (promulgatedOn !== '' && promulgatedOn < enactedOn) errors.push({ field: 'promulgatedOn', problem: 'order' });
  const register = input.register.trim();
  if (register.length > 200) errors.push({ field: 'register', problem: 'tooLong' });
  let text = '';
  const file = input.file !== undefined && input.file.data.length > 0 ? input.file : undefined;
  if (file !== undefined) {
    const problem = pdfProblem(file);
    if (problem !== undefined) errors.push({ field: 'file', problem });
    else {
      try {
        text = await pdfText(file.data);
      } catch (error) {
        if (!(error instanceof PdfUnreadableError)) throw error;
        errors.push({ field: 'file', problem: 'unreadable' });
      }
    }
  }
  if (errors.length > 0 || type === undefined) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  let stored: string | null = null;
  if (file !== undefined) {
    stored = await storeDocument(fileStore(deps.config), FOLDER, file.data);
  }
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await q.insertRegulation(trx, {
      council_id: structure.council.id,
      type,
      number,
      year,
      title,
      subject,
      enacted_on: enactedOn,
      promulgated_on: promulgatedOn === '' ? null : promulgatedOn,
      register: register === '' ? null : register,
      file: stored,
      bytes: file?.data.length ?? null,
      text,
      created_by: user.id,
    });
    if (row === undefined) return undefined;
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'regulation.added',
      subjectType: 'regulation',
      subjectId: row.id,
      ip,
      details: { type, number, year },
    });
    return row.id;
  });
  if (id === undefined) {
    if (stored !== null) await fileStore(deps.config).remove(FOLDER, stored);
    return { ok: false, errors: [{ field: 'number', problem: 'exists' }] };
  }
  return { ok: true, id };
}

/** Records that one document amends or revokes another; the older one's status follows. */
export async function linkRegulations(
  deps: Deps,
  user: CurrentUser,
  fromId: number,
  kind: string,
  toId: number,
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: RegulationError[] }> {
  const structure = await getCouncil(deps.db);
  const relation = kind === 'mengubah' || kind === 'mencabut' ? kind : undefined;
  const [from, to] = await Promise.all([
    q.regulationById(deps.db, structure.council.id, fromId),
    q.regulationById(deps.db, structure.council.id, toId),
  ]);
  const errors: RegulationError[] = [];
  if (relation === undefined) errors.push({ field: 'kind', problem: 'invalid' });
  if (to === undefined || fromId === toId) errors.push({ field: 'target', problem: 'invalid' });
  if (from === undefined || to === undefined || relation === undefined || errors.length > 0)
    return { ok: false, errors };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertRelation(trx, { from_id: fromId, to_id: toId, kind: relation });
    // Revoked outranks amended: a revoked regulation stays revoked.
    const status: RegulationStatus =
      relation === 'mencabut' ? 'dicabut' : to.status === 'dicabut' ? 'dicabut' : 'diubah';
    await q.setStatus(trx, toId, status);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: `regulation.${relation}`,
      subjectType: 'regulation',
      subjectId: toId,
      ip,
      details: { by: fromId },
    });
  });
  return { ok: true };
}

export interface Filter {
  q?: string | undefined;
  type?: RegulationType | undefined;
  year?: number | undefined;
  status?: RegulationStatus | undefined;
  subject?: string | undefined;
  page: number;
  pageSize?: number;
}

export async function searchRegulations(deps: Deps, filter: Filter) {
  const structure = await getCouncil(deps.db);
  const pageSize = filter.pageSize ?? PAGE_SIZE;
  const query: q.RegulationFilter = { ...filter, limit: pageSize, offset: (filter.page - 1) * pageSize };
  const [rows, total, subjects, years] = await Promise.all([
    q.listRegulations(deps.db, structure.council.id, query),
    q.countRegulations(deps.db, structure.council.id, query),
    q.subjectsOf(deps.db, structure.council.id),
    q.yearsOf(deps.db, structure.council.id),
  ]);
  return {
    regulations: rows.map(toRegulation),
    total,
    pageSize,
    subjects: subjects.map((s) => s.subject),
    years: years.map((y) => y.year),
  };
}

export interface RegulationRecord {
  regulation: Regulation;
  text: string;
  relations: {
    kind: 'mengubah' | 'mencabut';
    outgoing: boolean;
    id: number;
    type: RegulationType;
    number: string;
    year: number;
    title: string;
  }[];
}

export async function regulation(deps: Deps, id: number): Promise<RegulationRecord | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.regulationById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const relations = await q.relationsOf(deps.db, id);
  return {
    regulation: toRegulation(row),
    text: row.text,
    relations: relations.map((r) => ({
      kind: r.kind,
      outgoing: r.from_id === id,
      id: r.id,
      type: r.type,
      number: r.number,
      year: r.year,
      title: r.title,
    })),
  };
}

export async function regulationFile(deps: Deps, id: number) {
  const structure = await getCouncil(deps.db);
  const row = await q.regulationById(deps.db, structure.council.id, id);
  const file = row?.file;
  if (row === undefined || file == null) return undefined;
  return {
    read: () => storedFile(fileStore(deps.config), FOLDER, file),
    name: `${row.type}-${row.number}-${row.year}.pdf`,
  };
}

/** The legal documents' pages for search engines, newest first. */
export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.regulationPages(deps.db, structure.council.id, SITEMAP_LIMIT - 1);
  return [{ path: '/perda' }, ...rows.map((r) => ({ path: `/perda/${r.id}`, modified: r.updated_at }))];
}
