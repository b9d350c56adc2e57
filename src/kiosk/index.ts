/** The kiosk at the council's front desk: file or follow an aspiration without an account, or call staff. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { kioskRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'kiosk',
  routes: [kioskRoutes],
  messages,
  backOffice: [{ href: '/kelola/kios', label: 'kiosk.office.title', permission: 'appointments.desk' }],
};
