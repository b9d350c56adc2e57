/** Aspirations and status questions by SMS and WhatsApp: the gateway's webhooks and the short conversations. */
import { deps } from '../platform/auth.ts';
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { textMessageRoutes } from './routes.ts';
import { removeOldTextMessages } from './service.ts';

export const feature: Feature = {
  name: 'text-messages',
  routes: [textMessageRoutes],
  messages,
  jobs: (app) => [
    { name: 'text-messages.clean-up', everyMs: 60 * 60 * 1000, run: () => removeOldTextMessages(deps(app)) },
  ],
};
