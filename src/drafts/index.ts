/** Draft regulations in progress (Propemperda, Raperda) and their followers. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { draftRoutes } from './routes.tsx';
import { draftPersonalData, sitemap } from './service.ts';

export const feature: Feature = {
  name: 'drafts',
  routes: [draftRoutes],
  messages,
  sitemap,
  personalData: draftPersonalData,
};
