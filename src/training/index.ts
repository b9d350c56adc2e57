/** Training: sessions for members and staff, classes for citizens, attendance, certificates, records. */
import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { trainingRoutes } from './routes.tsx';
import { trainingJobs, trainingPersonalData, upcoming } from './service.ts';

export const feature: Feature = {
  name: 'training',
  routes: [trainingRoutes],
  messages,
  jobs: (app) => trainingJobs(deps(app), () => app.outbox.kick()),
  personalData: trainingPersonalData,
  backOffice: [{ href: '/kelola/pelatihan', label: 'training.office.title', permission: 'training.manage' }],
  // The list and the public classes; sessions for officials are not for search engines.
  sitemap: async (d) => [
    { path: '/pelatihan' },
    ...(await upcoming(d, null)).map((s) => ({ path: `/pelatihan/${s.id}` })),
  ],
};
