/** Discussion forums by komisi and kecamatan, with role badges, following by email and moderation. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { forumRoutes } from './routes.tsx';
import { forumPersonalData, sitemap, waitingForums } from './service.ts';

export const feature: Feature = {
  name: 'forums',
  routes: [forumRoutes],
  messages,
  sitemap,
  personalData: forumPersonalData,
  waiting: waitingForums,
  backOffice: [{ href: '/kelola/moderasi/forum', label: 'forum.moderate.title', permission: 'forum.moderate' }],
};
