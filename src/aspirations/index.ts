/** Citizens' aspirations end to end: the form, tracking, the staff inbox and case file, the API. */

import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { aspirationApiRoutes } from './api-routes.ts';
import { messages } from './messages.ts';
import { aspirationOfficeRoutes } from './office-routes.tsx';
import { sitemap } from './records.ts';
import { aspirationRoutes } from './routes.tsx';
import { aspirationJobs, aspirationPersonalData, waitingAspirations } from './service.ts';

export const feature: Feature = {
  name: 'aspirations',
  routes: [aspirationRoutes, aspirationApiRoutes, aspirationOfficeRoutes],
  messages,
  sitemap,
  jobs: (app) => aspirationJobs(deps(app), () => app.outbox.kick()),
  personalData: aspirationPersonalData,
  waiting: waitingAspirations,
  backOffice: [{ href: '/kelola/aspirasi', label: 'aspiration.inbox.title', permission: 'aspiration.read' }],
};
