/** The council's meetings: agenda, calendars, documents and minutes. */
import type { Feature } from '../platform/feature.ts';
import { agendaApiRoutes } from './api-routes.ts';
import { messages } from './messages.ts';
import { agendaOfficeRoutes } from './office-routes.tsx';
import { agendaRoutes } from './routes.tsx';
import { sitemap } from './service.ts';

export const feature: Feature = {
  name: 'agenda',
  routes: [agendaRoutes, agendaOfficeRoutes, agendaApiRoutes],
  messages,
  sitemap,
  backOffice: [{ href: '/kelola/agenda', label: 'agenda.office.title', permission: 'agenda.publish' }],
};
