/** Surveys and the IKM satisfaction index: building, answering once each, results from raw answers. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { surveyRoutes } from './routes.tsx';
import { sitemap, surveyPersonalData } from './service.ts';

export const feature: Feature = {
  name: 'surveys',
  routes: [surveyRoutes],
  messages,
  sitemap,
  personalData: surveyPersonalData,
  backOffice: [{ href: '/kelola/survei', label: 'survey.office.title', permission: 'surveys.manage' }],
};
