/** The back office dashboard: open work and how late it is, and the council's trends for its leadership. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { dashboardRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'dashboard',
  routes: [dashboardRoutes],
  messages,
  backOffice: [{ href: '/kelola/dasbor', label: 'dashboard.title', permission: 'dashboard.view' }],
};
