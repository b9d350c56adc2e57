/** The API's documentation pages. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { apiDocsRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'api',
  routes: [apiDocsRoutes],
  messages,
};
