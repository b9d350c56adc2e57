/**
 * Drafts in progress (Raperda): the yearly Propemperda list, each draft's stage with a dated
 * history linked to the meetings that handled it, documents per stage, and citizens who follow a
 * draft by email (confirmed by a link; every message carries a link to stop).
 */

import { type Body, getCouncil } from '../council/service.ts';
import type { RaperdaStage } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { PersonalDataHooks, SitemapEntry } from '../platform/feature.ts';
import { translator } from '../platform/i18n.ts';
import { enqueueMessage } from '../platform/outbox.ts';
import { pushToFollowers } from '../platform/push.ts';
import { SITEMAP_LIMIT } from '../platform/sitemap.ts';
import { fileStore } from '../platform/storage.ts';
import { askToFollow, confirmedSubscribers, followSection, stopLink } from '../platform/subscriptions.ts';
import { pdfProblem, storeDocument, storedBytes, storedFile, type UploadedFile } from '../platform/uploads.ts';
import type { FieldError } from '../platform/validation.ts';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';
import * as q from './queries.ts';

export const stages: readonly RaperdaStage[] = ['perencanaan', 'penyusunan', 'pembahasan', 'penetapan', 'pengundangan'];
export const FOLDER = 'raperda';

export type DraftProblem = 'required' | 'invalid' | 'tooLong' | 'backwards' | 'pdf' | 'tooLarge' | 'email';
export type DraftError = FieldError<DraftProblem>;
export type DraftResult =
  | { ok: true; id: number }
  | { ok: false; errors: DraftError[] }
  | { ok: false; problem: 'missing' };

export interface Draft {
  id: number;
  year: number;
  title: string;
  initiator: 'dprd' | 'pemerintah';
  summary: string;
  stage: RaperdaStage;
  body: Body | undefined;
  regulationId: number | null;
  updatedAt: Date;
}

type Row = NonNullable<Awaited<ReturnType<typeof q.draftById>>>;
function toDraft(bodies: Body[], r: Row): Draft {
  return {
    id: r.id,
    year: r.propemperda_year,
    title: r.title,
    initiator: r.initiator,
    summary: r.summary,
    stage: r.stage,
    body: bodies.find((b) => b.id === r.body_id),
    regulationId: r.regulation_id,
    updatedAt: r.updated_at,
  };
}

export async function addDraft(
  deps: Deps,
  user: CurrentUser,
  input: { year: string; title: string; initiator: string; summary: string; body: string },
  ip: string,
): Promise<DraftResult> {
  const structure = await getCouncil(deps.db);
  const errors: DraftError[] = [];
  const year = /^\d{4}$/.test(input.year.trim()) ? Number(input.year) : 0;
  if (year < 2000 || year > 2200)
    errors.push({ field: 'year', problem: input.year.trim() === '' ? 'required' : 'invalid' });
  const title = input.title.trim();
  if (title.length < 5) errors.push({ field: 'title', problem: 'required' });
  else if (title.length > 500) errors.push({ field: 'title', problem: 'tooLong' });
  const initiator = input.initiator === 'dprd' || input.initiator === 'pemerintah' ? input.initiator : undefined;
  if (initiator === undefined) errors.push({ field: 'initiator', problem: 'invalid' });
  const summary = input.summary.trim();
  if (summary.length > 5000) errors.push({ field: 'summary', problem: 'tooLong' });
  const body = input.body === '' ? null : structure.bodies.find((b) => b.slug === input.body);
  if (body === undefined) errors.push({ field: 'body', problem: 'invalid' });
  if (errors.length > 0 || initiator === undefined || body === undefined) return { ok: false, errors };
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await q.insertDraft(trx, {
      council_id: structure.council.id,
      propemperda_year: year,
      title,
      initiator,
      summary,
      body_id: body?.id ?? null,
    });
    await q.insertStep(trx, {
      raperda_id: id,
      stage: 'perencanaan',
      happened_on: jakartaDay(new Date()),
      note: null,
      created_by: user.id,
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'raperda.added',
      subjectType: 'raperda',
      subjectId: id,
      ip,
    });
    return id;
  });
  return { ok: true, id };
}

export async function advance(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { stage: string; date: string; note: string; meeting: string; regulation: string },
  ip: string,
): Promise<DraftResult> {
  const structure = await getCouncil(deps.db);
  const current = await q.draftById(deps.db, structure.council.id, id);
  if (current === undefined) return { ok: false, problem: 'missing' };
  const errors: DraftError[] = [];
  const stage = stages.find((s) => s === input.stage);
  if (stage === undefined) errors.push({ field: 'stage', problem: 'invalid' });
  else if (stages.indexOf(stage) < stages.indexOf(current.stage)) errors.push({ field: 'stage', problem: 'backwards' });
  const date = input.date.trim();
  if (!isCalendarDay(date)) errors.push({ field: 'date', problem: date === '' ? 'required' : 'invalid' });
  const note = input.note.trim();
  if (note.length > 2000) errors.push({ field: 'note', problem: 'tooLong' });
  let meetingId: number | null = null;
  if (input.meeting.trim() !== '') {
    const found = /^\d{1,9}$/.test(input.meeting.trim())
      ? await q.meetingExists(deps.db, structure.council.id, Number(input.meeting))
      : undefined;
    if (found === undefined) errors.push({ field: 'meeting', problem: 'invalid' });
    else meetingId = found.id;
  }
  let regulationId: number | null = current.regulation_id;
  if (input.regulation.trim() !== '') {
    const found = /^\d{1,9}$/.test(input.regulation.trim())
      ? await q.regulationExists(deps.db, structure.council.id, Number(input.regulation))
      : undefined;
    if (found === undefined) errors.push({ field: 'regulation', problem: 'invalid' });
    else regulationId = found.id;
  }
  if (errors.length > 0 || stage === undefined) return { ok: false, errors };
  const t = translator(deps.config.defaultLanguage);
  await deps.db.transaction().execute(async (trx) => {
    await q.updateDraft(trx, id, { stage, regulation_id: regulationId });
    await q.insertStep(trx, {
      raperda_id: id,
      stage,
      happened_on: date,
      note: note || null,
      meeting_id: meetingId,
      created_by: user.id,
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'raperda.advanced',
      subjectType: 'raperda',
      subjectId: id,
      ip,
      details: { stage },
    });
    await pushToFollowers(
      trx,
      deps.sealer,
      { type: 'raperda', id },
      {
        title: current.title,
        body: t('draft.push.step', { stage: t(`draft.stage.${stage}`) }),
        url: `/raperda/${id}`,
      },
    );
    for (const follower of await confirmedSubscribers(trx, deps.sealer, { type: 'raperda', id })) {
      await enqueueMessage(trx, deps.sealer, {
        channel: 'email',
        to: follower.email,
        subject: t('draft.mail.step.subject', { title: current.title, stage: t(`draft.stage.${stage}`) }),
        text: t('draft.mail.step.body', {
          title: current.title,
          stage: t(`draft.stage.${stage}`),
          note,
          link: `${deps.config.publicBaseUrl}/raperda/${id}`,
          stop: stopLink(deps, 'raperda', follower.id),
          site: structure.council.name,
        }),
        topic: `raperda:${id}`,
      });
    }
  });
  return { ok: true, id };
}

export async function addDocument(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: { stage: string; title: string; file: UploadedFile | undefined },
  ip: string,
): Promise<DraftResult> {
  const structure = await getCouncil(deps.db);
  if ((await q.draftById(deps.db, structure.council.id, id)) === undefined) return { ok: false, problem: 'missing' };
  const errors: DraftError[] = [];
  const stage = stages.find((s) => s === input.stage);
  if (stage === undefined) errors.push({ field: 'documentStage', problem: 'invalid' });
  const title = input.title.trim();
  if (title === '') errors.push({ field: 'documentTitle', problem: 'required' });
  const file = input.file;
  const problem = pdfProblem(file);
  if (problem !== undefined) errors.push({ field: 'document', problem });
  if (errors.length > 0 || stage === undefined || file === undefined) return { ok: false, errors };
  const stored = await storeDocument(fileStore(deps.config), FOLDER, file.data);
  await deps.db.transaction().execute(async (trx) => {
    await q.insertDocument(trx, {
      raperda_id: id,
      stage,
      title: title.slice(0, 200),
      file: stored,
      bytes: file.data.length,
    });
    await q.updateDraft(trx, id, {});
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'raperda.document_added',
      subjectType: 'raperda',
      subjectId: id,
      ip,
    });
  });
  return { ok: true, id };
}

export async function propemperda(deps: Deps, year: number | undefined) {
  const structure = await getCouncil(deps.db);
  const years = (await q.draftYears(deps.db, structure.council.id)).map((y) => y.propemperda_year);
  const chosen = year ?? years[0] ?? Number(jakartaDay(new Date()).slice(0, 4));
  const drafts = (await q.draftsOfYear(deps.db, structure.council.id, chosen)).map((r) => toDraft(structure.bodies, r));
  return { year: chosen, years, drafts };
}

export interface DraftRecord {
  draft: Draft;
  steps: {
    stage: RaperdaStage;
    date: string;
    note: string | null;
    meeting: { id: number; title: string; open: boolean } | null;
  }[];
  documents: { id: number; stage: RaperdaStage; title: string; bytes: number }[];
  regulation: { id: number; type: string; number: string; year: number } | undefined;
}

export async function draft(deps: Deps, id: number): Promise<DraftRecord | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.draftById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const [steps, documents, regulation] = await Promise.all([
    q.stepsOf(deps.db, id),
    q.documentsOf(deps.db, id),
    row.regulation_id === null ? undefined : q.regulationExists(deps.db, structure.council.id, row.regulation_id),
  ]);
  return {
    draft: toDraft(structure.bodies, row),
    steps: steps.map((s) => ({
      stage: s.stage,
      date: s.happened_on,
      note: s.note,
      meeting:
        s.meeting_id === null || s.meeting_title === null
          ? null
          : { id: s.meeting_id, title: s.meeting_open ? s.meeting_title : '', open: s.meeting_open === true },
    })),
    documents: documents.map((d) => ({ id: d.id, stage: d.stage, title: d.title, bytes: d.bytes })),
    regulation,
  };
}

export async function documentFile(deps: Deps, draftId: number, documentId: number) {
  const docs = await q.documentsOf(deps.db, draftId);
  const doc = docs.find((d) => d.id === documentId);
  return doc === undefined
    ? undefined
    : {
        read: () => storedFile(fileStore(deps.config), FOLDER, doc.file),
        bytes: () => storedBytes(fileStore(deps.config), FOLDER, doc.file),
        title: doc.title,
      };
}

/** Asks to follow a draft: a link to confirm goes to the address; nothing is sent before that. */
export async function follow(
  deps: Deps,
  id: number,
  rawEmail: string,
): Promise<{ ok: true } | { ok: false; problem: 'email' | 'missing' }> {
  const structure = await getCouncil(deps.db);
  const row = await q.draftById(deps.db, structure.council.id, id);
  if (row === undefined) return { ok: false, problem: 'missing' };
  const t = translator(deps.config.defaultLanguage);
  return askToFollow(deps, { type: 'raperda', id }, rawEmail, (link) => ({
    subject: t('draft.mail.confirm.subject', { title: row.title }),
    text: t('draft.mail.confirm.body', { title: row.title, link, site: structure.council.name }),
  }));
}

/** The draft regulations' pages for search engines, newest first. */
export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.draftPages(deps.db, structure.council.id, SITEMAP_LIMIT - 1);
  return [{ path: '/raperda' }, ...rows.map((r) => ({ path: `/raperda/${r.id}`, modified: r.updated_at }))];
}

/** The drafts a person follows by email, on /akun and in their copy of their data. */
export const draftPersonalData: PersonalDataHooks = {
  async copy(deps, subject) {
    return [
      await followSection(
        deps,
        subject,
        'raperda',
        { key: 'followedDrafts', title: 'draft.followedByYou' },
        async (ids) =>
          (await q.draftsByIds(deps.db, ids)).map((d) => ({
            id: d.id,
            href: `/raperda/${d.id}`,
            text: d.title,
            state: `draft.stage.${d.stage}`,
          })),
      ),
    ];
  },
};
