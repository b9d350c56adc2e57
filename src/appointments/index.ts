/** The aspiration room: opening times, appointments booked online, the desk's queue and walk-ins. */
import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { appointmentApiRoutes } from './api-routes.ts';
import { messages } from './messages.ts';
import { appointmentRoutes } from './routes.tsx';
import { roomJobs } from './service.ts';

export const feature: Feature = {
  name: 'appointments',
  routes: [appointmentRoutes, appointmentApiRoutes],
  messages,
  // The booking page is public; a slot's own page is a step of booking, not a page to be found.
  sitemap: async () => [{ path: '/janji-temu' }],
  jobs: (app) => roomJobs(deps(app), () => app.outbox.kick()),
  backOffice: [{ href: '/kelola/janji-temu', label: 'room.office.title', permission: 'appointments.desk' }],
};
