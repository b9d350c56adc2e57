/** The home page: what is on, what was answered, how to take part. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { homeRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'home',
  routes: [homeRoutes],
  messages,
  sitemap: async () => [{ path: '/' }],
};
