/** The back office entrance. */
import type { Feature } from '../platform/feature.ts';
import { backOfficeRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'backoffice',
  routes: [backOfficeRoutes],
  messages: {},
};
