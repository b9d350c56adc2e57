/** The council's structure (dapil, komisi, fraksi) and its service settings. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { councilRoutes } from './routes.tsx';
import { COUNCIL_CHANGED, forgetCouncil, getCouncil } from './service.ts';
import { settingsRoutes } from './settings-routes.tsx';

export const feature: Feature = {
  name: 'council',
  routes: [councilRoutes, settingsRoutes],
  messages,
  setup: (app) => {
    // The structure is cached per process; a change made by any process clears it everywhere.
    app.realtime.subscribe(COUNCIL_CHANGED, () => forgetCouncil(app.db));
  },
  site: async (db) => (await getCouncil(db)).council,
  backOffice: [{ href: '/kelola/pengaturan', label: 'settings.title', permission: 'council.configure' }],
};
