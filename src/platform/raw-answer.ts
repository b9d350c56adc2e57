/**
 * Answers written straight to Node's response, before Fastify routes the request: a kept page or
 * a built file costs then what a bare Node server costs. Each carries the headers every answer
 * carries (security headers, the request's id) and is logged in the one line Fastify would write.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { requestIdOf } from './request-id.ts';

/** What a raw answer sends: nothing new (304) or bytes, with the headers of its own. */
export type RawAnswer =
  | { status: 304; headers: Record<string, string> }
  | { status: 200; headers: Record<string, string>; encoding: 'br' | 'gzip' | 'identity'; bytes: Buffer };

export function sendRaw(
  req: IncomingMessage,
  res: ServerResponse,
  log: FastifyBaseLogger,
  fixedHeaders: Record<string, string>,
  answer: RawAnswer,
): void {
  const started = performance.now();
  const id = requestIdOf(req.headers['x-request-id']);
  const headers: Record<string, string | number> = { ...fixedHeaders, 'x-request-id': id, ...answer.headers };
  if (answer.status === 304) {
    res.writeHead(304, headers);
    res.end();
  } else {
    if (answer.encoding !== 'identity') headers['content-encoding'] = answer.encoding;
    headers['content-length'] = answer.bytes.length;
    res.writeHead(200, headers);
    res.end(answer.bytes);
  }
  log.info(
    {
      reqId: id,
      method: 'GET',
      url: req.url,
      status: answer.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    },
    'answered',
  );
}
