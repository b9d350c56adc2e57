/** Aspirations for tests: sent by a citizen through both steps of the real form. */
import assert from 'node:assert/strict';
import { Agent } from './agent.ts';
import type { TestApp } from './app.ts';

let ip = 0;

/** Sends an aspiration about the first kelurahan and category; returns its tracking code. */
export async function sendAspiration(
  t: TestApp,
  title: string,
  options: {
    kind?: string;
    email?: string;
    phone?: string;
    /** Who sends it (another instance's address, say); by default a citizen of `t`'s app. */
    via?: Agent;
    /** JPEG files sent as its photos. */
    photos?: Buffer[];
  } = {},
): Promise<string> {
  const db = t.database.db;
  const kel = await db.selectFrom('kelurahan').select('id').orderBy('id').executeTakeFirstOrThrow();
  const category = await db.selectFrom('aspiration_category').select('slug').orderBy('id').executeTakeFirstOrThrow();
  const a = options.via ?? new Agent(t.app, `203.0.113.${(++ip % 250) + 1}`);
  await a.get('/aspirasi/baru');
  const fields = { kind: options.kind ?? 'aspirasi', category: category.slug, location: String(kel.id), title };
  await a.post('/aspirasi/baru', fields);
  const sent = await a.postMultipart(
    '/aspirasi/kirim',
    {
      ...fields,
      description: `${title}: mohon segera ditindaklanjuti.`,
      ...(options.phone === undefined ? { email: options.email ?? 'warga.uji@example.org' } : { phone: options.phone }),
      consent: 'yes',
    },
    (options.photos ?? []).map((data, i) => ({ field: 'photos', filename: `foto${i}.jpg`, type: 'image/jpeg', data })),
  );
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 500));
  const code = /\/aspirasi\/(ASP-\d{4}-\d{6})/.exec(sent.headers.location as string)?.[1];
  if (code !== undefined) return code;
  const row = await db.selectFrom('aspiration').select('code').where('title', '=', title).executeTakeFirstOrThrow();
  return row.code;
}
