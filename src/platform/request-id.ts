/** Every request's id: one given by a trusted proxy is kept, so one id follows a request through the logs. */
import { randomUUID } from 'node:crypto';

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** The id from an X-Request-Id header when it is a plain token, else a new one. */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}
