/**
 * Every route says who may call it: a route without `config.access` is a mistake caught when the
 * app is built, not a page left open. The table of routes is kept for the permission and fuzz
 * tests, which try every route without anyone remembering to list it.
 */
import type { FastifyInstance } from 'fastify';
import type { Access } from './permissions.ts';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
  stream: boolean;
  appKey: boolean;
  /** The names the route's schema declares for its query and form fields (for the fuzz tests). */
  fields: string[];
}

function fieldNames(schema: unknown): string[] {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties === undefined ? [] : Object.keys(properties);
}

export function registerRouteTable(app: FastifyInstance): void {
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routeTable.push({
        method,
        url: route.url,
        access: route.config?.access ?? (route.url.startsWith('/static/') ? 'public' : undefined),
        stream: route.config?.stream === true,
        appKey: route.config?.appKey === true,
        fields: [...fieldNames(route.schema?.querystring), ...fieldNames(route.schema?.body)],
      });
    }
    if (route.config?.access !== undefined) return;
    if (route.url.startsWith('/static/')) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    throw new Error(`Route ${route.method} ${route.url} does not declare who may call it (config.access)`);
  });
}
