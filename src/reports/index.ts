/** The leadership's monthly reports: made on the first working day of a month, kept, mailed, listed. */
import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { reportRoutes } from './routes.tsx';
import { reportJobs } from './service.ts';

export const feature: Feature = {
  name: 'reports',
  routes: [reportRoutes],
  messages,
  jobs: (app) => reportJobs(deps(app), () => app.outbox.kick()),
  backOffice: [{ href: '/kelola/laporan', label: 'reports.title', permission: 'reports.read' }],
};
