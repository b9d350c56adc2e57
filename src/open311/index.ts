/** Open311 GeoReport v2 for outside applications, and their keys. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { open311KeyRoutes, open311Routes } from './routes.tsx';

export const feature: Feature = {
  name: 'open311',
  routes: [open311Routes, open311KeyRoutes],
  messages,
  backOffice: [{ href: '/kelola/open311', label: 'open311.title', permission: 'open311.keys' }],
};
