/** Open data: datasets as CSV, XLSX and JSON, and a CKAN-compatible catalogue. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { openDataRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'open-data',
  routes: [openDataRoutes],
  messages,
  sitemap: async () => [{ path: '/data' }],
};
