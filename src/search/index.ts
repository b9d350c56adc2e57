/** One search box for the whole site and its one results page (/cari). */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { searchRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'search',
  routes: [searchRoutes],
  messages,
};
