/** Surveys and the IKM satisfaction index: building, answering once each, results from raw answers. */
import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { surveyRoutes } from './routes.tsx';
import { sitemap, surveyJobs, surveyPersonalData } from './service.ts';

export const feature: Feature = {
  name: 'surveys',
  routes: [surveyRoutes],
  messages,
  sitemap,
  personalData: surveyPersonalData,
  jobs: (app) => surveyJobs(deps(app), () => app.outbox.kick()),
  backOffice: [{ href: '/kelola/survei', label: 'survey.office.title', permission: 'surveys.manage' }],
};
