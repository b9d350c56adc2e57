import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { getCouncil } from '../council/service.ts';

let t: TestApp;
let key: string;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);

before(async () => {
  t = await buildTestApp();
  const admin = await createUser(t, 'administrator');
  const a = await signIn(t, admin, agent());
  await a.get('/kelola/open311');
  const issued = await a.post('/kelola/open311', { name: 'Aplikasi Pengaduan Kota' });
  assert.equal(issued.statusCode, 200);
  key = /<code>([A-Za-z0-9_-]+)<\/code>/.exec(issued.body)?.[1] ?? '';
  assert.ok(key.length > 20, 'the new key is shown once');
});
after(() => t.close());

const post = (format: 'json' | 'xml', form: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    payload: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    remoteAddress: `203.0.113.${++ip % 250}`,
  });

describe('Open311 GeoReport v2', () => {
  test('discovery and services in JSON and XML, and a service definition', async () => {
    const discovery = await t.app.inject('/open311/v2/discovery.json');
    assert.equal(discovery.statusCode, 200);
    const d = discovery.json();
    assert.equal(d.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.deepEqual(d.endpoints[0].formats, ['text/xml', 'application/json']);
    const xml = await t.app.inject('/open311/v2/discovery.xml');
    assert.match(String(xml.headers['content-type']), /^text\/xml/);
    assert.match(
      xml.body,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<discovery>.*<endpoints><endpoint><specification>/s,
    );
    assert.match(xml.body, /<formats><format>text\/xml<\/format><format>application\/json<\/format><\/formats>/);

    const structure = await getCouncil(t.database.db);
    const services = (await t.app.inject('/open311/v2/services.json')).json();
    assert.equal(services.length, structure.categories.length);
    const roads = services.find((s: { service_code: string }) => s.service_code === 'jalan-jembatan-drainase');
    assert.equal(roads.service_name, 'Jalan, jembatan dan drainase');
    assert.equal(roads.group, 'Komisi II');
    assert.equal(roads.type, 'realtime');
    const servicesXml = (await t.app.inject('/open311/v2/services.xml')).body;
    assert.match(servicesXml, /<services><service><service_code>/);

    const def = (await t.app.inject('/open311/v2/services/jalan-jembatan-drainase.json')).json();
    assert.equal(def.service_code, 'jalan-jembatan-drainase');
    const kelurahan = def.attributes.find((a: { code: string }) => a.code === 'kelurahan');
    assert.equal(kelurahan.values.length, structure.kecamatan.flatMap((k) => k.kelurahan).length);
    const missing = await t.app.inject('/open311/v2/services/tidak-ada.xml');
    assert.equal(missing.statusCode, 404);
    assert.match(
      missing.body,
      /<errors><error><code>404<\/code><description>service_code tidak-ada not found<\/description><\/error><\/errors>/,
    );
  });

  test('an application posts a request with its key; it is tracked by id and token, and shows in our API', async () => {
    const structure = await getCouncil(t.database.db);
    const kel = structure.kecamatan.find((k) => k.name === 'Bekasi Barat')?.kelurahan[0];
    assert.ok(kel?.lat != null && kel.lon != null);

    const noKey = await post('json', {
      service_code: 'banjir',
      lat: String(kel.lat),
      long: String(kel.lon),
      description: 'Banjir',
    });
    assert.equal(noKey.statusCode, 403);
    assert.deepEqual(noKey.json(), [{ code: 403, description: 'api_key is missing or invalid' }]);
    const badCode = await post('json', {
      api_key: key,
      service_code: 'tidak-ada',
      lat: '0',
      long: '0',
      description: 'x',
    });
    assert.equal(badCode.statusCode, 404);
    const far = await post('xml', {
      api_key: key,
      service_code: 'banjir',
      lat: '-8.65',
      long: '115.21',
      description: 'Banjir di Bali',
    });
    assert.equal(far.statusCode, 400);
    assert.match(far.body, /<error><code>400<\/code><description>lat\/long is outside Kota Bekasi/);
    const noPlace = await post('json', {
      api_key: key,
      service_code: 'banjir',
      description: 'Banjir besar di perumahan kami.',
    });
    assert.equal(noPlace.statusCode, 400);
    const script = await post('json', {
      api_key: key,
      service_code: 'banjir',
      'attribute[kelurahan]': kel.code,
      description: '<script>x</script> banjir besar',
    });
    assert.equal(script.statusCode, 400);
    assert.match(script.json()[0].description, /markup/);

    const created = await post('json', {
      api_key: key,
      service_code: 'banjir',
      lat: String(kel.lat),
      long: String(kel.lon),
      description: 'Air setinggi pinggang di perumahan. Sudah tiga hari belum surut.',
      email: 'pelapor.open311@example.org',
      first_name: 'Dedi',
    });
    assert.equal(created.statusCode, 201, created.body);
    const [{ service_request_id: id, token }] = created.json();
    assert.match(id, /^ASP-\d{4}-\d{6}$/);

    const one = (await t.app.inject(`/open311/v2/requests/${id}.json`)).json();
    assert.equal(one.length, 1);
    assert.equal(one[0].status, 'open');
    assert.equal(one[0].service_code, 'banjir');
    assert.equal(one[0].address_id, kel.code);
    assert.equal(one[0].agency_responsible, 'DPRD Kota Bekasi');
    assert.match(one[0].requested_datetime, /^\d{4}-\d{2}-\d{2}T/);
    assert.doesNotMatch(JSON.stringify(one), /pelapor\.open311|Dedi/);
    const asXml = (await t.app.inject(`/open311/v2/requests/${id}.xml`)).body;
    assert.match(
      asXml,
      new RegExp(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`),
    );

    assert.deepEqual((await t.app.inject(`/open311/v2/tokens/${token}.json`)).json(), [
      { service_request_id: id, token },
    ]);
    assert.equal((await t.app.inject('/open311/v2/tokens/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.json')).statusCode, 404);

    const open = (await t.app.inject(`/open311/v2/requests.json?service_code=banjir&status=open`)).json();
    assert.ok(open.some((r: { service_request_id: string }) => r.service_request_id === id));
    const closed = (await t.app.inject(`/open311/v2/requests.json?service_code=banjir&status=closed`)).json();
    assert.ok(!closed.some((r: { service_request_id: string }) => r.service_request_id === id));
    const badDate = await t.app.inject('/open311/v2/requests.json?start_date=kemarin');
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.json()[0].description, /start_date/);

    // Staff close it: Open311 shows it closed, with the resolution as status notes.
    const staff = await createUser(t, 'staff');
    const s = await signIn(t, staff, agent());
    await s.get(`/kelola/aspirasi/${id}`);
    await s.post(`/kelola/aspirasi/${id}`, { action: 'verify' });
    await s.get(`/kelola/aspirasi/${id}`);
    await s.post(`/kelola/aspirasi/${id}`, { action: 'resolve', body: 'Pompa air dikerahkan, genangan surut.' });
    const done = (await t.app.inject(`/open311/v2/requests/${id}.json`)).json()[0];
    assert.equal(done.status, 'closed');
    assert.equal(done.status_notes, 'Pompa air dikerahkan, genangan surut.');

    // The same aspiration in our own API.
    const api = await t.app.inject(`/api/v1/aspirations/${id}`);
    assert.equal(api.statusCode, 200);
    assert.equal(api.json().status, 'resolved');
    assert.equal(api.json().channel, 'open311');
    assert.equal(api.json().latest_step.text, 'Pompa air dikerahkan, genangan surut.');
    const list = await t.app.inject('/api/v1/aspirations?category=banjir&status=resolved&per_page=5');
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().data.some((a: { code: string }) => a.code === id));
    assert.equal(list.json().meta.per_page, 5);
    assert.equal((await t.app.inject('/api/v1/aspirations?category=tidak-ada')).statusCode, 400);
    assert.equal((await t.app.inject('/api/v1/aspirations/ASP-2026-999999')).statusCode, 404);
  });

  test('a revoked key no longer works, and only administrators manage keys', async () => {
    const admin = await createUser(t, 'administrator');
    const a = await signIn(t, admin, agent());
    await a.get('/kelola/open311');
    const issued = await a.post('/kelola/open311', { name: 'Aplikasi Uji' });
    const fresh = /<code>([A-Za-z0-9_-]+)<\/code>/.exec(issued.body)?.[1] ?? '';
    const id = (
      await t.database.db
        .selectFrom('open311_client')
        .select('id')
        .where('name', '=', 'Aplikasi Uji')
        .executeTakeFirstOrThrow()
    ).id;
    assert.equal((await a.post(`/kelola/open311/${id}/cabut`, {})).statusCode, 303);
    const refused = await post('json', {
      api_key: fresh,
      service_code: 'banjir',
      'attribute[kelurahan]': '0',
      description: 'x',
    });
    assert.equal(refused.statusCode, 403);
    const empty = await a.post('/kelola/open311', { name: '' });
    assert.equal(empty.statusCode, 400);
    for (const role of ['staff', 'member', 'citizen'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/open311')).statusCode, 403, role);
    }
  });

  test('confidential reports never appear in Open311 or the API', async () => {
    const structure = await getCouncil(t.database.db);
    const kel = structure.kecamatan[0]?.kelurahan[0];
    assert.ok(kel !== undefined);
    const c = agent();
    await c.get('/aspirasi/baru');
    await c.post('/aspirasi/baru', {
      kind: 'rahasia',
      category: 'pelayanan-publik',
      location: String(kel.id),
      title: 'Pungli di kantor kecamatan',
    });
    const sent = await c.postMultipart('/aspirasi/kirim', {
      kind: 'rahasia',
      category: 'pelayanan-publik',
      location: String(kel.id),
      title: 'Pungli di kantor kecamatan',
      description: 'Petugas meminta uang untuk mengurus surat pindah.',
      email: 'saksi@example.org',
      consent: 'yes',
    });
    assert.equal(sent.statusCode, 303);
    const code = (
      await t.database.db
        .selectFrom('aspiration')
        .select('code')
        .where('kind', '=', 'rahasia')
        .executeTakeFirstOrThrow()
    ).code;
    assert.equal((await t.app.inject(`/open311/v2/requests/${code}.json`)).statusCode, 404);
    assert.doesNotMatch((await t.app.inject('/open311/v2/requests.json')).body, /Pungli/);
    assert.equal((await t.app.inject(`/api/v1/aspirations/${code}`)).statusCode, 404);
    assert.doesNotMatch((await t.app.inject('/api/v1/aspirations?q=pungli')).body, /Pungli/);
  });
});
