/** Accounts: sign-up, sign-in with two steps, the person's own data, API tokens, user management. */
import type { Feature } from '../platform/feature.ts';
import { accountSelfRoutes } from './account-routes.tsx';
import { resolveApiToken } from './api-tokens.ts';
import { messages } from './messages.ts';
import { accountRoutes } from './routes.tsx';
import { resolveSession } from './service.ts';
import { userAdminRoutes } from './users-routes.tsx';

export const feature: Feature = {
  name: 'accounts',
  routes: [accountRoutes, accountSelfRoutes, userAdminRoutes],
  messages,
  identity: { session: resolveSession, apiToken: resolveApiToken },
  backOffice: [{ href: '/kelola/pengguna', label: 'users.title', permission: 'users.manage' }],
};
