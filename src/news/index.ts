/** News and press releases: /berita for everyone, /kelola/berita for the public relations staff. */
import type { Feature } from '../platform/feature.ts';
import { messages } from './messages.ts';
import { newsRoutes } from './routes.tsx';
import { newsSitemap, waitingReview } from './service.ts';

export const feature: Feature = {
  name: 'news',
  routes: [newsRoutes],
  messages,
  backOffice: [{ href: '/kelola/berita', label: 'news.office.title', permission: 'news.publish' }],
  waiting: async (d, user) => {
    const count = await waitingReview(d, user);
    return count === 0 ? [] : [{ href: '/kelola/berita', label: 'news.office.waiting', count, overdue: 0, due: null }];
  },
  sitemap: async (d) => [{ path: '/berita' }, ...(await newsSitemap(d))],
};
