/** The council's pokir: proposals for the RKPD assembled from aspirations, followed to the budget and the project. */
import type { Feature } from '../platform/feature.ts';
import { pokirApiRoutes } from './api-routes.ts';
import { messages } from './messages.ts';
import { pokirRoutes } from './routes.tsx';
import { sitemap } from './service.ts';

export const feature: Feature = {
  name: 'pokir',
  routes: [pokirRoutes, pokirApiRoutes],
  messages,
  sitemap,
  backOffice: [{ href: '/kelola/pokir', label: 'pokir.office.title', permission: 'pokir.manage' }],
};
