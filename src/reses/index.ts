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
  jobs: (app) => [
    { name: 'reses.orphan-photos', everyMs: 60 * 60 * 1000, run: () => removeOrphanResesPhotos(deps(app)) },
  ],
  backOffice: [{ href: '/kelola/reses', label: 'reses.office.title', permission: 'reses.record' }],
};
