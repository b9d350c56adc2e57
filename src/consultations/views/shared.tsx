/** What other features may show of consultations: the phase, the days left, and the open ones (home page). */
import { dayOf } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Tag, type TagTone } from '../../platform/views/components.tsx';
import type { Consultation, Phase } from '../service.ts';

const phaseTone: Record<Phase, TagTone> = {
  upcoming: 'neutral',
  information: 'neutral',
  comments: 'active',
  closing: 'neutral',
  report: 'done',
};

export function PhaseTag({ ctx, c }: { ctx: PageContext; c: Consultation }) {
  return <Tag tone={phaseTone[c.phase]}>{ctx.t(`consultation.phase.${c.phase}`)}</Tag>;
}

/** "12 hari lagi" while comments are open; when it opens or closed otherwise. */
export function DaysLeft({ ctx, c }: { ctx: PageContext; c: Consultation }) {
  const { t } = ctx;
  if (c.phase === 'comments')
    return <>{c.daysLeft === 1 ? t('consultation.lastDay') : t('consultation.daysLeft', { n: c.daysLeft })}</>;
  if (c.phase === 'information' || c.phase === 'upcoming')
    return <>{t('consultation.opensOn', { day: dayOf(ctx, c.commentsFrom) })}</>;
  return <>{t('consultation.closedOn', { day: dayOf(ctx, c.commentsUntil) })}</>;
}

/** The consultations open for comments, each with its days left, and the way to all of them. */
export function OpenConsultations({ ctx, consultations }: { ctx: PageContext; consultations: Consultation[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="konsultasi">
      <h2 id="konsultasi">{t('consultation.homeTitle')}</h2>
      <ul class="list">
        {consultations.map((c) => (
          <li key={c.id}>
            <a href={`/konsultasi/${c.id}`}>{c.title}</a>
            <br />
            <span class="meta">
              <DaysLeft ctx={ctx} c={c} />
            </span>
          </li>
        ))}
      </ul>
      <p>
        <a href="/konsultasi">{t('consultation.homeAll')}</a>
      </p>
    </section>
  );
}
