/**
 * The glossary (issue 18, point 8): the words of a regional parliament — reses, pokir, Raperda,
 * Propemperda, Bamus, RDP, APBD… — explained in plain language at /istilah, where pages link them.
 */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { glossaryRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'glossary',
  routes: [glossaryRoutes],
  messages,
  sitemap: async () => [{ path: '/istilah' }],
};
