/** The back office entrance: what waits for the official, then the way into each part. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { backOfficeRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'backoffice',
  routes: [backOfficeRoutes],
  messages,
  backOffice: [{ href: '/kelola/komponen', label: 'components.title', permission: 'backoffice.enter' }],
};
