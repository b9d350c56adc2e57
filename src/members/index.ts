/** Members of the council and their pages. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { memberRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'members',
  routes: [memberRoutes],
  messages,
};
