/** Virtual hearings: public meetings followed online, with citizens' questions moderated live. */
import type { Feature } from '../platform/feature.ts';
import { hearingApiRoutes } from './api-routes.ts';
import { messages } from './messages.ts';
import { hearingRoutes } from './routes.tsx';
import { hearingPersonalData, sitemap, waitingHearings } from './service.ts';

export const feature: Feature = {
  name: 'hearings',
  routes: [hearingRoutes, hearingApiRoutes],
  messages,
  sitemap,
  personalData: hearingPersonalData,
  waiting: waitingHearings,
  backOffice: [{ href: '/kelola/siaran', label: 'hearing.office.title', permission: 'hearings.chair' }],
};
