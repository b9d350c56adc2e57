/** Understanding what citizens need: how well the category suggestions learnt from triage do (/kelola/wawasan). */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { insightsRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'insights',
  routes: [insightsRoutes],
  messages,
  backOffice: [{ href: '/kelola/wawasan', label: 'insights.title', permission: 'insights.read' }],
};
