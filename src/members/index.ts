/** Members of the council and their pages. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { memberRoutes } from './routes.tsx';
import { sitemap } from './service.ts';

export const feature: Feature = {
  name: 'members',
  routes: [memberRoutes],
  messages,
  sitemap,
  backOffice: [{ href: '/kelola/kegiatan', label: 'members.statements.title', permission: 'members.statement' }],
};
