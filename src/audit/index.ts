/** The audit log, for administrators. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { auditRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'audit',
  routes: [auditRoutes],
  messages,
  backOffice: [{ href: '/kelola/audit', label: 'audit.title', permission: 'audit.read' }],
};
