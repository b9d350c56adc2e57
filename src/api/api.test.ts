import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

describe('the API is described for the people who build on it', () => {
  test('/api/openapi.json is an OpenAPI 3.1 document a standard validator accepts', async () => {
    const res = await t.app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const document = res.json<OpenApi>();
    assert.equal(document.openapi, '3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  });

  test('it documents every JSON endpoint and no page', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json<OpenApi>();
    const paths = Object.keys(document.paths).sort();
    assert.deepEqual(paths, [
      '/api/3/action/help_show',
      '/api/3/action/package_list',
      '/api/3/action/package_search',
      '/api/3/action/package_show',
      '/api/v1/appointments',
      '/api/v1/aspirations',
      '/api/v1/aspirations/{code}',
      '/api/v1/budget',
      '/api/v1/consultations',
      '/api/v1/consultations/{id}',
      '/api/v1/dapil',
      '/api/v1/dapil/{number}',
      '/api/v1/hearings',
      '/api/v1/hearings/{id}/questions',
      '/api/v1/me',
      '/api/v1/meetings',
      '/api/v1/meetings/{id}',
      '/api/v1/members',
      '/api/v1/members/{slug}',
      '/api/v1/messages/inbound',
      '/api/v1/messages/inbound/sms',
      '/api/v1/messages/inbound/wa',
      '/api/v1/news',
      '/api/v1/news/{slug}',
      '/api/v1/pokir',
      '/api/v1/pokir/{id}',
      '/api/v1/projects',
      '/api/v1/projects/{id}',
      '/api/v1/regulations',
      '/api/v1/regulations/{id}',
      '/api/v1/reses',
      '/api/v1/reses/{id}',
      '/healthz',
      '/readyz',
    ]);
    for (const path of paths) {
      const operation = document.paths[path]?.get ?? document.paths[path]?.post;
      assert.ok(operation?.responses['200'], `${path} describes its answer`);
    }
  });

  test('every documented answer matches what the endpoint really sends', async () => {
    const validator = new Validator();
    const document = (await t.app.inject('/api/openapi.json')).json<OpenApi>();
    await validator.validate(document as unknown as Record<string, unknown>);
    // A request to each endpoint must produce JSON whose keys the document names.
    const members = (await t.app.inject('/api/v1/members?dapil=1')).json<{ data: Record<string, unknown>[] }>();
    const schema = document.paths['/api/v1/members']?.get?.responses['200'] as {
      content: {
        'application/json': { schema: { properties: { data: { items: { properties: Record<string, unknown> } } } } };
      };
    };
    const documented = Object.keys(schema.content['application/json'].schema.properties.data.items.properties).sort();
    for (const member of members.data) assert.deepEqual(Object.keys(member).sort(), documented);
  });

  test('/api/docs shows every endpoint readably, in both languages', async () => {
    const id = await t.app.inject('/api/docs');
    assert.equal(id.statusCode, 200);
    assert.match(id.body, /<h1>Dokumentasi API<\/h1>/);
    for (const path of ['/api/v1/members', '/api/v1/members/{slug}', '/api/v1/dapil', '/api/v1/dapil/{number}']) {
      assert.ok(id.body.includes(`<code>${path}</code>`), path);
    }
    assert.match(id.body, /<code>dapil<\/code>/, 'parameters are listed');
    const en = await t.app.inject('/api/docs?lang=en');
    assert.match(en.body, /<h1>API documentation<\/h1>/);
  });

  test('the error answers the API really gives are the ones its document declares', async () => {
    type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
    const document = (await t.app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    // Every operation declares the errors it can answer with.
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(methods)) {
        const wanted = path.startsWith('/api/3/') ? ['404', '409'] : ['400', '401', '403', '404', '429', '503'];
        for (const status of wanted) assert.ok(operation.responses[status], `${method} ${path} declares ${status}`);
      }
    }
    const ajv = new Ajv2020({ strict: false });
    const check = async (
      request: { url: string; headers?: Record<string, string> },
      path: string,
      status: number,
      type: string,
    ) => {
      const res = await t.app.inject(request);
      assert.equal(res.statusCode, status, request.url);
      assert.match(String(res.headers['content-type']), new RegExp(type.replace('+', '\\+')), request.url);
      const schema = document.paths[path]?.get?.responses[String(status)]?.content?.[type]?.schema;
      assert.ok(schema, `${path} declares ${status} as ${type}`);
      const valid = ajv.validate(schema, res.json());
      assert.ok(valid, `${request.url}: ${JSON.stringify(ajv.errors)} for ${res.body}`);
    };
    await check({ url: '/api/v1/meetings/1999999999' }, '/api/v1/meetings/{id}', 404, 'application/problem+json');
    await check({ url: '/api/v1/meetings/bukan-angka' }, '/api/v1/meetings/{id}', 400, 'application/problem+json');
    await check({ url: '/api/v1/me' }, '/api/v1/me', 401, 'application/problem+json');
    const user = await createUser(t, 'citizen');
    const a = await signIn(t, user);
    await a.get('/akun/token');
    const made = await a.post('/akun/token', { name: 'Uji', scopes: 'profile:read', days: '7' });
    const token = /<code>(dt_[A-Za-z0-9_-]+)<\/code>/.exec(made.body)?.[1] ?? '';
    await check(
      { url: '/api/v1/members', headers: { authorization: `Bearer ${token}` } },
      '/api/v1/members',
      403,
      'application/problem+json',
    );
    await check(
      { url: '/api/3/action/package_show?id=tidak-ada' },
      '/api/3/action/package_show',
      404,
      'application/json',
    );
    await check(
      { url: '/api/3/action/package_list?limit=banyak' },
      '/api/3/action/package_list',
      409,
      'application/json',
    );
  });
});
