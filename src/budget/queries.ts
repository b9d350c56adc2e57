/** Queries over the budget lines and pending uploads. */
import { type Insertable, sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { BudgetStage, Database } from '../db/schema.ts';

export function years(db: Db, councilId: number) {
  return db
    .selectFrom('budget_line')
    .select(['year', 'stage'])
    .distinct()
    .where('council_id', '=', councilId)
    .orderBy('year', 'desc')
    .orderBy('stage', 'desc')
    .execute();
}

/**
 * Sums of the lines under a code, grouped by the next level of code (the children of `prefix`,
 * or the top level 4/5/6 when there is none).
 */
export function childrenOf(db: Db, councilId: number, year: number, stage: BudgetStage, prefix: string | undefined) {
  const depth = prefix === undefined ? 1 : prefix.split('.').length + 1;
  const child = sql<string>`array_to_string((string_to_array(account_code, '.'))[1:${sql.lit(depth)}], '.')`;
  let query = db
    .selectFrom('budget_line')
    .select([
      child.as('code'),
      sql<number>`sum(planned)`.as('planned'),
      sql<number>`sum(realised)`.as('realised'),
      sql<string>`min(account_name)`.as('name'),
      sql<number>`count(*)`.as('lines'),
      sql<boolean>`bool_or(account_code = ${child})`.as('exact'),
    ])
    .where('council_id', '=', councilId)
    .where('year', '=', year)
    .where('stage', '=', stage);
  if (prefix !== undefined) query = query.where((eb) => eb('account_code', 'like', `${prefix}.%`));
  return query.groupBy(child).orderBy(child).execute();
}

export function byOpd(db: Db, councilId: number, year: number, stage: BudgetStage, prefix: string) {
  return db
    .selectFrom('budget_line')
    .select(['opd', sql<number>`sum(planned)`.as('planned'), sql<number>`sum(realised)`.as('realised')])
    .where('council_id', '=', councilId)
    .where('year', '=', year)
    .where('stage', '=', stage)
    .where((eb) => eb.or([eb('account_code', '=', prefix), eb('account_code', 'like', `${prefix}.%`)]))
    .groupBy('opd')
    .orderBy(sql`sum(planned)`, 'desc')
    .execute();
}

export type ProgrammeLevel = 'program' | 'kegiatan' | 'subkegiatan';
const levelColumns = {
  program: { code: 'program_code', name: 'program_name' },
  kegiatan: { code: 'kegiatan_code', name: 'kegiatan_name' },
  subkegiatan: { code: 'subkegiatan_code', name: 'subkegiatan_name' },
} as const;

/** Which level a programme-structure code is at in this year's lines, if any. */
export async function programmeLevel(
  db: Db,
  councilId: number,
  year: number,
  stage: BudgetStage,
  code: string,
): Promise<
  | {
      level: ProgrammeLevel;
      line: {
        program_code: string;
        program_name: string;
        kegiatan_code: string;
        kegiatan_name: string;
        subkegiatan_code: string;
        subkegiatan_name: string;
      };
    }
  | undefined
> {
  for (const level of ['program', 'kegiatan', 'subkegiatan'] as const) {
    const line = await db
      .selectFrom('budget_line')
      .select([
        'program_code',
        'program_name',
        'kegiatan_code',
        'kegiatan_name',
        'subkegiatan_code',
        'subkegiatan_name',
      ])
      .where('council_id', '=', councilId)
      .where('year', '=', year)
      .where('stage', '=', stage)
      .where(levelColumns[level].code, '=', code)
      .limit(1)
      .executeTakeFirst();
    if (line !== undefined) return { level, line };
  }
  return undefined;
}

/**
 * Spending grouped one level below `parent` in the programme structure: programmes when there is
 * no parent, the kegiatan of a programme, the sub-kegiatan of a kegiatan.
 */
export function programmeChildren(
  db: Db,
  councilId: number,
  year: number,
  stage: BudgetStage,
  parent: { level: 'program' | 'kegiatan'; code: string } | undefined,
) {
  const level: ProgrammeLevel =
    parent === undefined ? 'program' : parent.level === 'program' ? 'kegiatan' : 'subkegiatan';
  const { code, name } = levelColumns[level];
  let query = db
    .selectFrom('budget_line')
    .select([
      sql.ref<string>(code).as('code'),
      sql<string>`max(${sql.ref(name)})`.as('name'),
      sql<number>`sum(planned)`.as('planned'),
      sql<number>`sum(realised)`.as('realised'),
    ])
    .where('council_id', '=', councilId)
    .where('year', '=', year)
    .where('stage', '=', stage)
    .where(code, '<>', '');
  if (parent !== undefined) query = query.where(levelColumns[parent.level].code, '=', parent.code);
  return query.groupBy(code).orderBy(sql`sum(planned)`, 'desc').execute();
}

/** The account lines under one programme, kegiatan or sub-kegiatan. */
export function programmeLines(
  db: Db,
  councilId: number,
  year: number,
  stage: BudgetStage,
  level: ProgrammeLevel,
  code: string,
) {
  return db
    .selectFrom('budget_line')
    .select(['account_code as code', 'account_name as name', 'planned', 'realised'])
    .where('council_id', '=', councilId)
    .where('year', '=', year)
    .where('stage', '=', stage)
    .where(levelColumns[level].code, '=', code)
    .orderBy('account_code')
    .execute();
}

/** Revenue, spending and financing of every year and stage, for comparing years. */
export function totalsByYear(db: Db, councilId: number) {
  const top = sql<string>`split_part(account_code, '.', 1)`;
  return db
    .selectFrom('budget_line')
    .select([
      'year',
      'stage',
      top.as('code'),
      sql<number>`sum(planned)`.as('planned'),
      sql<number>`sum(realised)`.as('realised'),
    ])
    .where('council_id', '=', councilId)
    .groupBy(['year', 'stage', top])
    .orderBy('year')
    .orderBy('stage')
    .orderBy(top)
    .execute();
}

export function insertUpload(db: Db, values: Insertable<Database['budget_upload']>) {
  return db.insertInto('budget_upload').values(values).returning('id').executeTakeFirstOrThrow();
}

export function uploadById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('budget_upload')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function deleteUpload(db: Db, id: number) {
  return db.deleteFrom('budget_upload').where('id', '=', id).execute();
}

export async function replaceYear(
  db: Db,
  councilId: number,
  year: number,
  stage: BudgetStage,
  lines: Insertable<Database['budget_line']>[],
) {
  await db
    .deleteFrom('budget_line')
    .where('council_id', '=', councilId)
    .where('year', '=', year)
    .where('stage', '=', stage)
    .execute();
  for (let i = 0; i < lines.length; i += 1000)
    await db
      .insertInto('budget_line')
      .values(lines.slice(i, i + 1000))
      .execute();
}

export function linesOf(db: Db, councilId: number, year: number, stage: BudgetStage) {
  return db
    .selectFrom('budget_line')
    .select([
      'account_code',
      'account_name',
      'opd',
      'program_code',
      'kegiatan_code',
      'subkegiatan_code',
      'program_name',
      'kegiatan_name',
      'subkegiatan_name',
      'planned',
      'realised',
    ])
    .where('council_id', '=', councilId)
    .where('year', '=', year)
    .where('stage', '=', stage)
    .orderBy('account_code')
    .orderBy('opd')
    .execute();
}

export function lastChange(db: Db, councilId: number) {
  return db
    .selectFrom('budget_line')
    .select(sql<Date | null>`max(updated_at)`.as('at'))
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
}

/** The council's rule for publishing a budget file, when an administrator has set one. */
export function ruleOf(db: Db, councilId: number) {
  return db
    .selectFrom('budget_rule')
    .select(['warn_percent', 'second_officer'])
    .where('council_id', '=', councilId)
    .executeTakeFirst();
}

export function saveRule(db: Db, councilId: number, rule: { warn_percent: number; second_officer: boolean }) {
  return db
    .insertInto('budget_rule')
    .values({ council_id: councilId, ...rule })
    .onConflict((oc) => oc.column('council_id').doUpdateSet({ ...rule, updated_at: new Date() }))
    .execute();
}

/** Records the first confirmation; nothing when the file was checked already (or is gone). */
export function markChecked(db: Db, councilId: number, id: number, userId: number) {
  return db
    .updateTable('budget_upload')
    .set({ checked_by: userId, checked_at: new Date(), updated_at: new Date() })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('checked_by', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

/** Files uploaded and not yet published, newest first, with who uploaded and who checked them. */
export function pendingUploads(db: Db, councilId: number) {
  return db
    .selectFrom('budget_upload')
    .leftJoin('app_user as uploader', 'uploader.id', 'budget_upload.created_by')
    .leftJoin('app_user as checker', 'checker.id', 'budget_upload.checked_by')
    .select([
      'budget_upload.id',
      'budget_upload.year',
      'budget_upload.stage',
      'budget_upload.file_name',
      'budget_upload.created_at',
      'budget_upload.checked_at',
      'budget_upload.checked_by',
      'uploader.name_sealed as uploader_name',
      'checker.name_sealed as checker_name',
    ])
    .where('budget_upload.council_id', '=', councilId)
    .orderBy('budget_upload.id', 'desc')
    .limit(50)
    .execute();
}

/** The name of the officer who checked a file, sealed. */
export function checkerOf(db: Db, userId: number) {
  return db.selectFrom('app_user').select('name_sealed').where('id', '=', userId).executeTakeFirst();
}
