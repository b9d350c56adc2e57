/** Accounts: sign-up, sign-in with two steps, the person's own data, API tokens, user management. */
import type { Feature } from '../platform/feature.ts';
import { accountSelfRoutes } from './account-routes.tsx';
import { messages } from './messages.ts';
import { accountRoutes } from './routes.tsx';
import { userAdminRoutes } from './users-routes.tsx';

export const feature: Feature = {
  name: 'accounts',
  routes: [accountRoutes, accountSelfRoutes, userAdminRoutes],
  messages,
  backOffice: [{ href: '/kelola/pengguna', label: 'users.title', permission: 'users.manage' }],
};
