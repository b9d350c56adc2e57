/** Public consultations on the council's documents (RPJMD, Raperda), with moderation and a closing report. */
import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { consultationApiRoutes } from './api-routes.ts';
import { messages } from './messages.ts';
import { consultationRoutes } from './routes.tsx';
import { consultationJobs, consultationPersonalData, sitemap, waitingConsultations } from './service.ts';

export const feature: Feature = {
  name: 'consultations',
  routes: [consultationRoutes, consultationApiRoutes],
  messages,
  sitemap,
  personalData: consultationPersonalData,
  waiting: waitingConsultations,
  jobs: (app) => consultationJobs(deps(app), () => app.outbox.kick()),
  backOffice: [
    { href: '/kelola/konsultasi', label: 'consultation.office.title', permission: 'consultations.manage' },
    { href: '/kelola/moderasi', label: 'consultation.moderate.title', permission: 'consultations.moderate' },
  ],
};
