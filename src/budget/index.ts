/** The regional budget (APBD) and how it is spent. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { budgetRoutes } from './routes.tsx';
import { waitingBudget } from './service.ts';

export const feature: Feature = {
  name: 'budget',
  routes: [budgetRoutes],
  messages,
  sitemap: async () => [{ path: '/anggaran' }],
  backOffice: [{ href: '/kelola/anggaran', label: 'budget.office.title', permission: 'budget.import' }],
  waiting: waitingBudget,
};
