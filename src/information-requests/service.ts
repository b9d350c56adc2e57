/**
 * The face of public information (PPID, UU 14/2008 KIP): the register of what the council holds
 * (Daftar Informasi Publik), public and searchable, kept by the secretariat.
 */
import { getCouncil } from '../council/service.ts';
import type { PublicInformationCategory, PublicInformationForm } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import { type FieldError, isPortalOrWebLink, isSingleLine } from '../platform/validation.ts';
import * as q from './queries.ts';

/** The law's four kinds, in its order: Pasal 9, 10, 11 and 17 of UU 14/2008. */
export const categories: readonly PublicInformationCategory[] = [
  'berkala',
  'serta_merta',
  'setiap_saat',
  'dikecualikan',
];
export const forms: readonly PublicInformationForm[] = ['cetak', 'elektronik', 'keduanya'];

export const REGISTER_PAGE_SIZE = 25;
/** More than any council's register holds; the CSV stops there rather than grow without end. */
const CSV_LIMIT = 10_000;

export type RegisterEntry = Awaited<ReturnType<typeof q.entryById>> & {};
export type RegisterFilter = q.RegisterFilter;

export type RegisterProblem = 'required' | 'tooLong' | 'tooShort' | 'oneLine' | 'invalid' | 'badLink' | 'onlyExempt';
export type RegisterError = FieldError<RegisterProblem>;

export interface RegisterInput {
  category: string;
  title: string;
  summary: string;
  officer: string;
  form: string;
  retention: string;
  location: string;
  link: string;
  exemption: string;
}

export function isCategory(value: string | undefined): value is PublicInformationCategory {
  return (categories as readonly string[]).includes(value ?? '');
}

/** A page of the register as a visitor filters it. */
export async function registerPage(deps: Deps, filter: RegisterFilter, page: number) {
  const { council } = await getCouncil(deps.db);
  const { rows, total } = await q.registerPage(
    deps.db,
    council.id,
    filter,
    REGISTER_PAGE_SIZE,
    (page - 1) * REGISTER_PAGE_SIZE,
  );
  return { entries: rows, total, pageSize: REGISTER_PAGE_SIZE };
}

/** Every entry the filter finds, for the CSV. */
export async function registerEntries(deps: Deps, filter: RegisterFilter) {
  const { council } = await getCouncil(deps.db);
  return q.registerRows(deps.db, council.id, filter, CSV_LIMIT);
}

export async function registerEntry(deps: Deps, id: number): Promise<RegisterEntry | undefined> {
  const { council } = await getCouncil(deps.db);
  return q.entryById(deps.db, council.id, id);
}

function checked(input: RegisterInput): { errors: RegisterError[]; entry: Omit<q.NewEntry, 'council_id'> } {
  const errors: RegisterError[] = [];
  const line = (field: keyof RegisterInput, min: number, max: number) => {
    const value = input[field].trim();
    if (value === '') errors.push({ field, problem: 'required' });
    else if (value.length < min) errors.push({ field, problem: 'tooShort' });
    else if (value.length > max) errors.push({ field, problem: 'tooLong', max });
    else if (!isSingleLine(value)) errors.push({ field, problem: 'oneLine' });
    return value;
  };
  const paragraph = (field: keyof RegisterInput, min: number, max: number) => {
    const value = input[field].trim().replace(/\r\n?/g, '\n');
    if (value === '') errors.push({ field, problem: 'required' });
    else if (value.length < min) errors.push({ field, problem: 'tooShort' });
    else if (value.length > max) errors.push({ field, problem: 'tooLong', max });
    return value;
  };
  const category = input.category.trim();
  if (category === '') errors.push({ field: 'category', problem: 'required' });
  else if (!isCategory(category)) errors.push({ field: 'category', problem: 'invalid' });
  const form = input.form.trim();
  if (form === '') errors.push({ field: 'form', problem: 'required' });
  else if (!(forms as readonly string[]).includes(form)) errors.push({ field: 'form', problem: 'invalid' });
  const title = line('title', 3, 200);
  const summary = paragraph('summary', 10, 2000);
  const officer = line('officer', 3, 200);
  const retention = line('retention', 2, 100);
  const location = line('location', 3, 300);
  const link = input.link.trim();
  if (link.length > 500) errors.push({ field: 'link', problem: 'tooLong', max: 500 });
  else if (link !== '' && !isPortalOrWebLink(link)) errors.push({ field: 'link', problem: 'badLink' });
  let exemption: string | null = null;
  if (category === 'dikecualikan') exemption = paragraph('exemption', 10, 2000);
  else if (input.exemption.trim() !== '') errors.push({ field: 'exemption', problem: 'onlyExempt' });
  return {
    errors,
    entry: {
      category: category as PublicInformationCategory,
      title,
      summary,
      officer,
      form: form as PublicInformationForm,
      retention,
      location,
      link: link === '' ? null : link,
      exemption,
    },
  };
}

/**
 * Adds an entry (no id) or changes one. Returns its id, what is wrong with the form, or that there
 * is no such entry (removed meanwhile).
 */
export async function saveRegisterEntry(
  deps: Deps,
  user: CurrentUser,
  id: number | undefined,
  input: RegisterInput,
  ip: string,
): Promise<{ ok: true; id: number } | { ok: false; errors: RegisterError[] } | { ok: false; missing: true }> {
  const { errors, entry } = checked(input);
  if (errors.length > 0) return { ok: false, errors };
  const { council } = await getCouncil(deps.db);
  const saved = await deps.db.transaction().execute(async (trx) => {
    let savedId = id;
    if (savedId === undefined) savedId = await q.insertEntry(trx, { ...entry, council_id: council.id });
    else if (!(await q.updateEntry(trx, council.id, savedId, entry))) return undefined;
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: id === undefined ? 'ppid.register-added' : 'ppid.register-changed',
      subjectType: 'public_information',
      subjectId: savedId,
      ip,
      details: { title: entry.title, category: entry.category },
    });
    return savedId;
  });
  return saved === undefined ? { ok: false, missing: true } : { ok: true, id: saved };
}

/** Removes an entry; its title, or undefined when there was none. */
export async function removeRegisterEntry(
  deps: Deps,
  user: CurrentUser,
  id: number,
  ip: string,
): Promise<string | undefined> {
  const { council } = await getCouncil(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const title = await q.deleteEntry(trx, council.id, id);
    if (title === undefined) return undefined;
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'ppid.register-removed',
      subjectType: 'public_information',
      subjectId: id,
      ip,
      details: { title },
    });
    return title;
  });
}

/** Requests for public information, as other features meet them: their answered applicants. */
export { type AnsweredApplicant, answeredAfter } from './requests.ts';
