/**
 * The council's pokir (pokok-pokok pikiran DPRD, Permendagri 86/2017 Ps 178): proposals for the
 * regional work plan of a year, each assembled by the secretariat from citizens' aspirations,
 * with its place, estimated cost and target agency. Its steps — proposed → in the RKPD → in the
 * APBD → done — and the project it became are written on the trail of every aspiration it came
 * from, so a citizen can follow their input all the way to the plan and the work.
 */
import { type PublicRecord, publicRecords, recordTrailStep } from '../aspirations/service.ts';
import { type CouncilStructure, getCouncil } from '../council/service.ts';
import type { PokirStatus } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { SitemapEntry } from '../platform/feature.ts';
import { dayOf } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import { readNumber } from '../platform/numbers.ts';
import { type FieldError, isSingleLine } from '../platform/validation.ts';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';
import { project as projectRecord } from '../projects/service.ts';
import * as q from './queries.ts';

/** How the trail's messages are worded: read before a transaction, as no query may leave it. */
function trailMail(deps: Deps, structure: CouncilStructure) {
  const lang = deps.config.defaultLanguage;
  return { t: translator(lang), site: structure.council.name, day: (d: string) => dayOf({ lang }, d) };
}

export const statuses: readonly PokirStatus[] = ['diusulkan', 'rkpd', 'apbd', 'selesai'];

export type PokirProblem = 'required' | 'invalid' | 'tooLong' | 'oneLine' | 'none' | 'backwards' | 'future';
export type PokirError = FieldError<PokirProblem>;

export interface PokirItem {
  id: number;
  year: number;
  title: string;
  description: string;
  dapil: { id: number; number: number } | undefined;
  kecamatan: { id: number; name: string } | undefined;
  kelurahan: { id: number; name: string } | undefined;
  estimatedCost: number | null;
  agency: string;
  status: PokirStatus;
  projectId: number | null;
  sources: number;
}

type Row = NonNullable<Awaited<ReturnType<typeof q.itemById>>>;

function toItem(structure: CouncilStructure, r: Row): PokirItem {
  const kecamatan = structure.kecamatan.find((k) => k.id === r.kecamatan_id);
  const dapil = structure.dapil.find((d) => d.id === r.dapil_id);
  const kelurahan = kecamatan?.kelurahan.find((k) => k.id === r.kelurahan_id);
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    description: r.description,
    dapil: dapil === undefined ? undefined : { id: dapil.id, number: dapil.number },
    kecamatan: kecamatan === undefined ? undefined : { id: kecamatan.id, name: kecamatan.name },
    kelurahan: kelurahan === undefined ? undefined : { id: kelurahan.id, name: kelurahan.name },
    estimatedCost: r.estimated_cost === null ? null : Number(r.estimated_cost),
    agency: r.agency,
    status: r.status,
    projectId: r.project_id,
    sources: Number(r.sources ?? 0),
  };
}

/** The pokir of a year (the newest year with any when none is asked), optionally of one dapil. */
export async function listPokir(deps: Deps, filter: { year?: number | undefined; dapil?: number | undefined }) {
  const structure = await getCouncil(deps.db);
  const years = (await q.years(deps.db, structure.council.id)).map((y) => y.year);
  const year = filter.year ?? years[0] ?? Number(jakartaDay(new Date()).slice(0, 4)) + 1;
  const dapil = filter.dapil === undefined ? undefined : structure.dapil.find((d) => d.number === filter.dapil);
  const rows = await q.items(deps.db, structure.council.id, {
    year,
    ...(dapil === undefined ? {} : { dapilId: dapil.id }),
  });
  return { year, years, dapil: dapil?.number, items: rows.map((r) => toItem(structure, r)) };
}

/** Every pokir item of every year, newest year first (open data, sitemap). */
export async function allPokir(deps: Deps): Promise<PokirItem[]> {
  const newest = await listPokir(deps, {});
  const older = await Promise.all(
    newest.years.filter((year) => year !== newest.year).map((year) => listPokir(deps, { year })),
  );
  return [newest, ...older].flatMap((l) => l.items);
}

/** The public pokir pages for search engines: the list and every item of every year. */
export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  return [{ path: '/pokir' }, ...(await allPokir(deps)).map((i) => ({ path: `/pokir/${i.id}` }))];
}

export interface PokirRecord {
  item: PokirItem;
  sources: { code: string; title: string }[];
  steps: { status: PokirStatus; day: string; note: string }[];
  project: { id: number; name: string; progress: number } | undefined;
}

export async function pokirRecord(deps: Deps, id: number): Promise<PokirRecord | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.itemById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const [sources, steps, project] = await Promise.all([
    q.sourcesOf(deps.db, id),
    q.stepsOf(deps.db, id),
    row.project_id === null ? undefined : projectRecord(deps, row.project_id),
  ]);
  return {
    item: toItem(structure, row),
    sources: sources.map((s) => ({ code: s.aspiration_code, title: s.title })),
    steps: steps.map((s) => ({ status: s.status, day: s.happened_on, note: s.note })),
    project:
      project === undefined
        ? undefined
        : { id: project.project.id, name: project.project.name, progress: project.project.progress },
  };
}

/** Aspirations to assemble pokir from: searched and filtered as on the public list. */
export async function candidates(
  deps: Deps,
  filter: {
    q?: string | undefined;
    dapil?: number | undefined;
    komisi?: string | undefined;
    category?: string | undefined;
  },
): Promise<PublicRecord[]> {
  const structure = await getCouncil(deps.db);
  const dapil = filter.dapil === undefined ? undefined : structure.dapil.find((d) => d.number === filter.dapil);
  const komisi = filter.komisi === undefined ? undefined : structure.komisi.find((k) => k.slug === filter.komisi);
  const category =
    filter.category === undefined ? undefined : structure.categories.find((c) => c.slug === filter.category);
  const categoryIds =
    category !== undefined
      ? [category.id]
      : komisi !== undefined
        ? structure.categories.filter((c) => c.komisiId === komisi.id).map((c) => c.id)
        : undefined;
  const { records } = await publicRecords(deps, {
    ...(filter.q === undefined || filter.q === '' ? {} : { q: filter.q }),
    ...(dapil === undefined ? {} : { dapilId: dapil.id }),
    ...(categoryIds === undefined ? {} : { categoryIds: categoryIds.length === 0 ? [-1] : categoryIds }),
    limit: 50,
    counted: false,
  });
  return records;
}

const money = { decimals: 0, min: 0, max: 999_999_999_999_999, unit: 'rupiah' as const };

export interface PokirInput {
  year: string;
  title: string;
  description: string;
  location: string;
  cost: string;
  agency: string;
  codes: string[];
}

/** Assembles one pokir item from the aspirations chosen; each of them shows it on its trail. */
export async function assemble(
  deps: Deps,
  user: CurrentUser,
  input: PokirInput,
  ip: string,
): Promise<{ ok: true; id: number } | { ok: false; errors: PokirError[] }> {
  const structure = await getCouncil(deps.db);
  const errors: PokirError[] = [];
  const year = /^\d{4}$/.test(input.year.trim()) ? Number(input.year) : 0;
  if (year < 2000 || year > 2200)
    errors.push({ field: 'year', problem: input.year.trim() === '' ? 'required' : 'invalid' });
  const title = input.title.trim();
  if (title.length < 5) errors.push({ field: 'title', problem: 'required' });
  else if (title.length > 200) errors.push({ field: 'title', problem: 'tooLong', max: 200 });
  else if (!isSingleLine(title)) errors.push({ field: 'title', problem: 'oneLine' });
  const description = input.description.trim();
  if (description.length > 5000) errors.push({ field: 'description', problem: 'tooLong', max: 5000 });
  // "k12" is a whole kecamatan, "345" one kelurahan, as the place field sends them.
  const kecamatan = input.location.startsWith('k')
    ? structure.kecamatan.find((k) => `k${k.id}` === input.location)
    : structure.kecamatan.find((k) => k.kelurahan.some((kel) => String(kel.id) === input.location));
  const kelurahan = kecamatan?.kelurahan.find((kel) => String(kel.id) === input.location);
  if (kecamatan === undefined)
    errors.push({ field: 'location', problem: input.location === '' ? 'required' : 'invalid' });
  let cost: number | null = null;
  if (input.cost.trim() !== '') {
    const read = readNumber(input.cost, money);
    if (read.ok) cost = read.value;
    else errors.push({ field: 'cost', problem: 'invalid' });
  }
  const agency = input.agency.trim();
  if (agency.length < 3) errors.push({ field: 'agency', problem: 'required' });
  else if (agency.length > 200) errors.push({ field: 'agency', problem: 'tooLong', max: 200 });
  const codes = [...new Set(input.codes.map((c) => c.trim().toUpperCase()).filter((c) => c !== ''))].slice(0, 100);
  const found = codes.length === 0 ? [] : (await publicRecords(deps, { codes, limit: 100, counted: false })).records;
  if (codes.length === 0) errors.push({ field: 'codes', problem: 'none' });
  else if (found.length !== codes.length) errors.push({ field: 'codes', problem: 'invalid' });
  if (errors.length > 0 || kecamatan === undefined) return { ok: false, errors };
  const dapil = structure.dapil.find((d) => d.kecamatan.some((k) => k.id === kecamatan.id));
  const mail = trailMail(deps, structure);
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await q.insertItem(trx, {
      council_id: structure.council.id,
      year,
      title,
      description,
      dapil_id: dapil?.id ?? null,
      kecamatan_id: kecamatan.id,
      kelurahan_id: kelurahan?.id ?? null,
      estimated_cost: cost,
      agency,
      created_by: user.id,
    });
    await q.insertSources(
      trx,
      found.map((r) => ({ pokir_id: id, aspiration_code: r.view.code, title: r.view.title })),
    );
    await q.insertStep(trx, {
      pokir_id: id,
      status: 'diusulkan',
      happened_on: jakartaDay(new Date()),
      created_by: user.id,
    });
    for (const r of found)
      await recordTrailStep(
        trx,
        deps,
        structure.council.id,
        r.view.code,
        { step: 'pokir', year, title, href: `/pokir/${id}` },
        mail,
      );
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'pokir.assembled',
      subjectType: 'pokir_item',
      subjectId: id,
      ip,
      details: { aspirations: found.map((r) => r.view.code) },
    });
    return id;
  });
  return { ok: true, id };
}

/** A dated step forward (into the RKPD, the APBD, done), told on every source aspiration's trail. */
export async function advance(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { status: string; day: string; note: string },
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: PokirError[] } | undefined> {
  const record = await pokirRecord(deps, id);
  if (record === undefined) return undefined;
  const structure = await getCouncil(deps.db);
  const errors: PokirError[] = [];
  const status = statuses.find((s) => s === input.status);
  if (status === undefined || status === 'diusulkan') errors.push({ field: 'status', problem: 'invalid' });
  else if (statuses.indexOf(status) <= statuses.indexOf(record.item.status))
    errors.push({ field: 'status', problem: 'backwards' });
  const day = input.day.trim();
  if (!isCalendarDay(day)) errors.push({ field: 'day', problem: day === '' ? 'required' : 'invalid' });
  else if (day > jakartaDay(new Date())) errors.push({ field: 'day', problem: 'future' });
  const note = input.note.trim();
  if (note.length > 2000) errors.push({ field: 'note', problem: 'tooLong', max: 2000 });
  if (errors.length > 0 || status === undefined || status === 'diusulkan') return { ok: false, errors };
  const mail = trailMail(deps, structure);
  const item = record.item;
  await deps.db.transaction().execute(async (trx) => {
    await q.updateItem(trx, id, { status });
    await q.insertStep(trx, { pokir_id: id, status, happened_on: day, note, created_by: user.id });
    for (const s of record.sources)
      await recordTrailStep(
        trx,
        deps,
        structure.council.id,
        s.code,
        { step: 'pokirStatus', status, year: item.year, title: item.title, href: `/pokir/${id}` },
        mail,
      );
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'pokir.advanced',
      subjectType: 'pokir_item',
      subjectId: id,
      ip,
      details: { status },
    });
  });
  return { ok: true };
}

/** The project in /proyek the pokir item became (by its number or address), on every source's trail. */
export async function linkProject(
  deps: Deps,
  user: CurrentUser,
  id: number,
  raw: string,
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: PokirError[] } | undefined> {
  const record = await pokirRecord(deps, id);
  if (record === undefined) return undefined;
  const structure = await getCouncil(deps.db);
  const value = raw
    .trim()
    .replace(/^.*\/proyek\//, '')
    .replace(/[?#].*$/, '');
  const found = /^\d{1,9}$/.test(value) ? await projectRecord(deps, Number(value)) : undefined;
  if (found === undefined)
    return { ok: false, errors: [{ field: 'project', problem: value === '' ? 'required' : 'invalid' }] };
  const mail = trailMail(deps, structure);
  await deps.db.transaction().execute(async (trx) => {
    await q.updateItem(trx, id, { project_id: found.project.id });
    if (record.item.projectId !== found.project.id)
      for (const s of record.sources)
        await recordTrailStep(
          trx,
          deps,
          structure.council.id,
          s.code,
          { step: 'project', name: found.project.name, href: `/proyek/${found.project.id}` },
          mail,
        );
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'pokir.project-linked',
      subjectType: 'pokir_item',
      subjectId: id,
      ip,
      details: { project: found.project.id },
    });
  });
  return { ok: true };
}
