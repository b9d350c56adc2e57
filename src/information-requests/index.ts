/**
 * Public information (PPID, UU 14/2008 KIP): the register of what the council holds, public and
 * searchable at /informasi-publik, kept by the secretariat at /kelola/ppid; requests for
 * information on the legal clock, handled by the PPID officer at /kelola/ppid/permohonan.
 */
import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { requestRoutes } from './request-routes.tsx';
import { requestJobs, requestPersonalData, waitingRequests } from './requests.ts';
import { informationRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'information-requests',
  routes: [informationRoutes, requestRoutes],
  jobs: (app) => requestJobs(deps(app)),
  waiting: waitingRequests,
  personalData: requestPersonalData,
  messages,
  backOffice: [
    { href: '/kelola/ppid', label: 'ppid.office.title', permission: 'ppid.register' },
    { href: '/kelola/ppid/permohonan', label: 'ppid.office.requests', permission: 'ppid.requests' },
  ],
  sitemap: async () => [
    { path: '/informasi-publik' },
    { path: '/informasi-publik/permohonan' },
    { path: '/informasi-publik/lacak' },
    { path: '/informasi-publik/laporan' },
  ],
};
