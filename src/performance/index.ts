/** Public performance figures (/kinerja): the aspiration service by period and filter, and the IKM per unit. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { performanceRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'performance',
  routes: [performanceRoutes],
  messages,
  sitemap: async () => [{ path: '/kinerja' }],
};
