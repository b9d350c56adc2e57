/**
 * The trail beyond the inbox: what became of an aspiration in other parts of the council's work —
 * raised in a member's reses, taken into the council's pokir for a year, into the RKPD and the
 * APBD, built as a project. Each step goes on the aspiration's public timeline, with a link to
 * where it happened, and is told to its citizen like any other step.
 */
import type { Db } from '../db/index.ts';
import type { Deps } from '../platform/deps.ts';
import type { MessageKey, Translate } from '../platform/i18n.ts';
import { tellCitizen } from './notify.ts';
import * as q from './queries.ts';

export type TrailStep =
  | { step: 'reses'; member: string; period: string; day: string | null; href: string }
  | { step: 'pokir'; year: number; title: string; href: string }
  | { step: 'pokirStatus'; status: 'rkpd' | 'apbd' | 'selesai'; year: number; title: string; href: string }
  | { step: 'project'; name: string; href: string }
  | { step: 'ppid'; code: string; href: string };

const statusTexts = {
  rkpd: 'aspiration.trail.rkpd',
  apbd: 'aspiration.trail.apbd',
  selesai: 'aspiration.trail.selesai',
} as const satisfies Record<'rkpd' | 'apbd' | 'selesai', MessageKey>;

/** A step of the trail in words, from what its event keeps. */
export function trailText(
  t: Translate,
  d: Record<string, string | number | null>,
  day: (iso: string) => string,
): string {
  switch (d.step) {
    case 'reses':
      // Input not tied to one visit is dated by its period.
      return d.day === null || d.day === undefined
        ? t('aspiration.trail.resesPeriod', { member: String(d.member), period: String(d.period) })
        : t('aspiration.trail.reses', { member: String(d.member), day: day(String(d.day)) });
    case 'pokir':
      return t('aspiration.trail.pokir', { year: String(d.year), title: String(d.title) });
    case 'pokirStatus': {
      const key = statusTexts[d.status as keyof typeof statusTexts] ?? 'aspiration.trail.rkpd';
      return t(key, { year: String(d.year), title: String(d.title) });
    }
    case 'project':
      return t('aspiration.trail.project', { name: String(d.name) });
    case 'ppid':
      return t('aspiration.trail.ppid', { code: String(d.code) });
    default:
      return '';
  }
}

/**
 * Writes a step of the trail on the aspiration with this code (nothing when there is none, or it
 * is confidential) and tells its citizen, in the caller's transaction. `site` is read by the
 * caller before the transaction: no query may leave it.
 */
export async function recordTrailStep(
  db: Db,
  deps: Deps,
  councilId: number,
  code: string,
  step: TrailStep,
  mail: { t: Translate; site: string; day: (iso: string) => string },
  to: { reporter: boolean } = { reporter: true },
): Promise<boolean> {
  const row = await q.aspirationByCode(db, councilId, code);
  if (row === undefined || row.kind === 'rahasia') return false;
  await q.insertEvent(db, {
    aspiration_id: row.id,
    kind: 'trail',
    public: true,
    actor_user_id: null,
    actor_member_id: null,
    body: null,
    details: JSON.stringify(step),
  });
  const words = trailText(mail.t, step as unknown as Record<string, string | number | null>, mail.day);
  await tellCitizen(
    db,
    deps,
    row.id,
    (shown) => ({
      subject: mail.t('aspiration.mail.step.subject', { code: row.code, step: words }),
      text: mail.t('aspiration.mail.step.body', {
        code: row.code,
        title: shown(row.title),
        step: words,
        body: `${deps.config.publicBaseUrl}${step.href}`,
        link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
        site: mail.site,
      }),
      sms: mail.t('aspiration.sms.step', {
        code: row.code,
        step: words,
        body: '',
        link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
        site: mail.site,
      }),
    }),
    to,
  );
  return true;
}

/** An aspiration that asks for public information, waiting to become a request in the PPID's flow. */
export interface InformationAspiration {
  id: number;
  code: string;
  title: string;
  description: string;
  receivedAt: Date;
  userId: number | null;
  name: string;
  email: string;
  phone: string;
}

/**
 * Open aspirations of the kind "permintaan informasi", oldest first, with who sent them: the law
 * gives them their own flow (PPID), so they leave the aspirations' inbox for it.
 */
export async function informationAspirationsToMove(
  db: Db,
  deps: Deps,
  councilId: number,
  limit: number,
): Promise<InformationAspiration[]> {
  const rows = await q.openInformationAspirations(db, councilId, limit);
  const open = (sealed: string | null) => (sealed === null ? '' : deps.sealer.open(sealed));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    description: r.description,
    receivedAt: r.received_at,
    userId: r.user_id,
    name: open(r.name_sealed),
    email: open(r.email_sealed),
    phone: open(r.phone_sealed),
  }));
}

/**
 * Closes an aspiration as referred to the PPID, where it is now the request `step.code`: the step
 * goes on its public timeline and to its supporters; the reporter hears of it from the PPID's own
 * message, with the request's private link. In the caller's transaction.
 */
export async function handOverToPpid(
  db: Db,
  deps: Deps,
  councilId: number,
  aspiration: { id: number; code: string },
  step: Extract<TrailStep, { step: 'ppid' }>,
  mail: { t: Translate; site: string; day: (iso: string) => string },
): Promise<void> {
  await q.updateAspiration(db, aspiration.id, { status: 'referred' });
  await recordTrailStep(db, deps, councilId, aspiration.code, step, mail, { reporter: false });
}
