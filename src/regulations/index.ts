/** Regional regulations and other legal documents (JDIH). */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { regulationRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'regulations',
  routes: [regulationRoutes],
  messages,
  backOffice: [{ href: '/kelola/perda', label: 'regulation.office.title', permission: 'regulations.manage' }],
};
