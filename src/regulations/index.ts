/** Regional regulations and other legal documents (JDIH). */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { regulationRoutes } from './routes.tsx';
import { sitemap } from './service.ts';

export const feature: Feature = {
  name: 'regulations',
  routes: [regulationRoutes],
  messages,
  sitemap,
  backOffice: [{ href: '/kelola/perda', label: 'regulation.office.title', permission: 'regulations.manage' }],
};
