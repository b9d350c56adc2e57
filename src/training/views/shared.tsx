/** What other features may show of training: the next public classes (home page). */
import { formatNumber } from '../../platform/format.ts';
import type { PageContext } from '../../platform/page-context.ts';
import type { Session } from '../service.ts';
import { sessionWhen } from './pages.tsx';

/** The next classes for citizens, each with when and where, and the way to all of them. */
export function NextClasses({ ctx, classes }: { ctx: PageContext; classes: Session[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="kelas-warga">
      <h2 id="kelas-warga">{t('training.home.title')}</h2>
      <ul class="list">
        {classes.map((s) => (
          <li key={s.id}>
            <a href={`/pelatihan/${s.id}`}>{s.title}</a>
            <br />
            <span class="meta">
              {sessionWhen(ctx, s)} · {s.place ?? t('training.online')} ·{' '}
              {t('training.placesLeft', { n: formatNumber(Math.max(0, s.capacity - s.registered), ctx.lang) })}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <a href="/pelatihan">{t('training.home.all')}</a>
      </p>
    </section>
  );
}
