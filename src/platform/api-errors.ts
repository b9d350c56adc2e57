/**
 * The error answers every API operation can give, declared in the OpenAPI document so that a
 * client generated from it knows them: problem+json (RFC 9457) for /api/v1, and CKAN's own shape
 * for the CKAN action API. Only the document is changed: answers are made by errors.tsx.
 */

import type { FastifySchema } from 'fastify';

/** The problem+json body errors.tsx and the overload guard send. */
export const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'Always about:blank: the status says what kind of problem it is' },
    title: { type: 'string', description: 'The kind of problem, in the language asked for' },
    status: { type: 'integer', description: 'The HTTP status, repeated' },
    detail: { type: 'string', description: 'What went wrong, in words for a person' },
    instance: { type: 'string', description: 'The address that was asked for' },
  },
} as const;

/** CKAN's error answer: success false and an error with its message and kind. */
export const ckanErrorSchema = {
  type: 'object',
  required: ['help', 'success', 'error'],
  properties: {
    help: { type: 'string' },
    success: { type: 'boolean', const: false },
    error: {
      type: 'object',
      required: ['message', '__type'],
      properties: {
        message: { type: 'string' },
        __type: { type: 'string', enum: ['Not Found Error', 'Validation Error'] },
      },
    },
  },
} as const;

const problems: Record<string, string> = {
  400: 'The request does not fit: a parameter is missing, of the wrong kind or out of bounds',
  401: 'A token was sent that is unknown, revoked or expired, or the operation needs one',
  403: 'Not allowed: the token lacks the scope, or this address does not accept tokens',
  404: 'Nothing at this address',
  429: 'Too many requests from this address; see Retry-After',
  503: 'The service is busy; see Retry-After',
};

const ckanErrors: Record<string, string> = {
  404: 'Not Found Error: no such dataset or action',
  409: 'Validation Error: a parameter is not valid',
};

/** @fastify/swagger's transform: adds the error answers to each documented API operation. */
export function withErrorResponses({ schema, url }: { schema: FastifySchema; url: string }) {
  const hidden = (schema as { hide?: boolean }).hide === true;
  if (hidden || !url.startsWith('/api/')) return { schema, url };
  const ckan = url.startsWith('/api/3/action/');
  const errors = ckan ? ckanErrors : problems;
  const body = ckan ? ckanErrorSchema : problemSchema;
  const type = ckan ? 'application/json' : 'application/problem+json';
  const response: Record<string, unknown> = { ...(schema.response as Record<string, unknown> | undefined) };
  for (const [status, description] of Object.entries(errors)) {
    response[status] ??= { description, content: { [type]: { schema: body } } };
  }
  return { schema: { ...schema, response }, url };
}
