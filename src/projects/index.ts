/** Programmes and projects with their progress. */

import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { projectRoutes } from './routes.tsx';
import { projectJobs, projectPersonalData, sitemap } from './service.ts';

export const feature: Feature = {
  name: 'projects',
  routes: [projectRoutes],
  messages,
  sitemap,
  personalData: projectPersonalData,
  jobs: (app) => projectJobs(deps(app)),
  backOffice: [{ href: '/kelola/proyek', label: 'project.office.title', permission: 'projects.manage' }],
};
