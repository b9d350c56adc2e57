/** Reses: members' recess reports — visits, attendance, photos, and the input filed as aspirations. */
import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { resesApiRoutes } from './api-routes.ts';
import { messages } from './messages.ts';
import { resesRoutes } from './routes.tsx';
import { removeOrphanResesPhotos, sitemap } from './service.ts';

export const feature: Feature = {
  name: 'reses',
  routes: [resesRoutes, resesApiRoutes],
  messages,
  sitemap,
  jobs: (app) => {
    const run = () =>
      void removeOrphanResesPhotos(deps(app)).catch((error: unknown) =>
        app.log.error({ err: error }, 'orphan reses photo cleanup failed'),
      );
    run();
    const timer = setInterval(run, 60 * 60 * 1000);
    timer.unref();
    return () => clearInterval(timer);
  },
  backOffice: [{ href: '/kelola/reses', label: 'reses.office.title', permission: 'reses.record' }],
};
