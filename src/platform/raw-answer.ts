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
  | {
      status: 200;
      headers: Record<string, string>;
      encoding: 'br' | 'gzip' | 'identity';
      bytes: Buffer;
      /** Headers of this answer alone (a form's cookie and tag), as name, value, name, value. */
      own?: string[];
    };

/**
 * The fixed headers and an answer's own, as the flat list Node's writeHead takes, made once per
 * kept answer (its headers object is made once and kept with it): writing a hit then copies a list
 * instead of merging two objects of some twenty headers.
 */
const flattened = new WeakMap<Record<string, string>, string[]>();

function headListOf(fixedHeaders: Record<string, string>, own: Record<string, string>): string[] {
  let list = flattened.get(own);
  if (list === undefined) {
    list = Object.entries({ ...fixedHeaders, ...own }).flat();
    flattened.set(own, list);
  }
  return list;
}

export function sendRaw(
  req: IncomingMessage,
  res: ServerResponse,
  log: FastifyBaseLogger,
  fixedHeaders: Record<string, string>,
  answer: RawAnswer,
): void {
  const started = performance.now();
  const id = requestIdOf(req.headers['x-request-id']);
  const head = [...headListOf(fixedHeaders, answer.headers), 'x-request-id', id];
  if (answer.status === 304) {
    res.writeHead(304, head);
    res.end();
  } else {
    if (answer.encoding !== 'identity') head.push('content-encoding', answer.encoding);
    if (answer.own !== undefined) head.push(...answer.own);
    head.push('content-length', String(answer.bytes.length));
    res.writeHead(200, head);
    res.end(answer.bytes);
  }
  log.info(
    {
      reqId: id,
      method: 'GET',
      url: req.url,
      status: answer.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      // Answered before routing: no hook ran (what an operator tracing a request needs to know).
      raw: true,
    },
    'answered',
  );
}
