/**
 * The portal as an app people install (issue 18): the web app manifest, its icons drawn from the
 * council's emblem, the service worker that keeps visited pages for reading offline, and the page
 * shown offline when nothing was kept.
 */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { installableAppRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'installable-app',
  routes: [installableAppRoutes],
  messages,
};
