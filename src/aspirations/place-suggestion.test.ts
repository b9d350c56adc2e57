/** The kelurahan an aspiration's text names, found with the region's own names (issue 21, point 1). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { sendAspiration } from '../../test/helpers/aspirations.ts';
import { signedInPerson } from '../../test/helpers/users.ts';
import { type CouncilStructure, getCouncil } from '../council/service.ts';
import { kelurahanFromText } from './place-suggestion.ts';

let app: TestApp;
let structure: CouncilStructure;
before(async () => {
  app = await buildTestApp();
  structure = await getCouncil(app.database.db);
});
after(() => app.close());

const kecamatanNamed = (name: string) => {
  const k = structure.kecamatan.find((x) => x.name === name);
  assert.ok(k !== undefined, name);
  return k;
};
const kelurahanNamed = (name: string) => {
  const l = structure.kecamatan.flatMap((k) => k.kelurahan).find((x) => x.name === name);
  assert.ok(l !== undefined, name);
  return l;
};

describe('the kelurahan a text names', () => {
  test('written apart or with a short form, a name of the region is found; the kecamatan of that name is not a kelurahan', () => {
    const jatiasih = kecamatanNamed('Jatiasih');
    const none = { kecamatanId: jatiasih.id, kelurahanId: null };
    const found = kelurahanFromText(structure, 'Got mampet di jl. Melati, kel. Jati Asih, air masuk rumah', none);
    assert.equal(found?.kelurahanId, kelurahanNamed('Jatiasih').id);
    assert.equal(found?.said, 'jati asih');
    assert.equal(kelurahanFromText(structure, 'Jalan rusak di Kecamatan Jatiasih sudah lama', none), undefined);
    // The longest name wins, and the one stored already is not suggested again.
    const bening = kecamatanNamed('Pondok Gede');
    const longer = kelurahanFromText(structure, 'Banjir di Jatibening Baru RW 05', {
      kecamatanId: bening.id,
      kelurahanId: null,
    });
    assert.equal(longer?.kelurahan, 'Jatibening Baru');
    assert.equal(
      kelurahanFromText(structure, 'Banjir di Jatibening Baru RW 05', {
        kecamatanId: bening.id,
        kelurahanId: kelurahanNamed('Jatibening Baru').id,
      }),
      undefined,
    );
    // A kelurahan of another kecamatan than the one chosen: suggested, with its kecamatan.
    const elsewhere = kelurahanFromText(structure, 'Pasar margahayu becek dan bau', none);
    assert.equal(elsewhere?.kelurahan, 'Margahayu');
    assert.equal(elsewhere?.kecamatan, 'Bekasi Timur');
    assert.equal(kelurahanFromText(structure, 'Lampu jalan mati di gang kami', none), undefined);
  });

  test('an officer takes the named kelurahan with one click: kecamatan and dapil follow, on the public timeline', async () => {
    const margahayu = kelurahanNamed('Margahayu');
    const timur = kecamatanNamed('Bekasi Timur');
    const code = await sendAspiration(app, 'Saluran tersumbat di RT 03 Kelurahan Margahayu, air menggenang');
    const before = await app.database.db
      .selectFrom('aspiration')
      .select(['kelurahan_id', 'kecamatan_id'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.notEqual(before.kelurahan_id, margahayu.id, 'sent from another kelurahan');

    const staff = await signedInPerson(app, 'staff');
    const page = (await staff.get(`/kelola/aspirasi/${code}`)).body;
    assert.match(page, /Teks aspirasi menyebut &quot;margahayu&quot;: Kelurahan Margahayu, Kecamatan Bekasi Timur\./);

    const member = await signedInPerson(app, 'member');
    await member.get('/akun');
    const refused = await member.post(`/kelola/aspirasi/${code}`, { action: 'place', kelurahan: String(margahayu.id) });
    assert.ok([403, 404].includes(refused.statusCode), String(refused.statusCode));

    await staff.get(`/kelola/aspirasi/${code}`);
    const wrong = await staff.post(`/kelola/aspirasi/${code}`, { action: 'place', kelurahan: '999999' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /href="#location"/);
    const taken = await staff.post(`/kelola/aspirasi/${code}`, { action: 'place', kelurahan: String(margahayu.id) });
    assert.equal(taken.statusCode, 303);
    const row = await app.database.db
      .selectFrom('aspiration')
      .select(['kelurahan_id', 'kecamatan_id', 'dapil_id'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const dapil = structure.dapil.find((d) => d.number === timur.dapilNumber);
    assert.deepEqual(row, { kelurahan_id: margahayu.id, kecamatan_id: timur.id, dapil_id: dapil?.id ?? null });
    const shown = (await staff.get(`/aspirasi/${code}`)).body;
    assert.match(shown, /Lokasi diubah menjadi Kelurahan Margahayu, Kecamatan Bekasi Timur/);
    assert.doesNotMatch((await staff.get(`/kelola/aspirasi/${code}`)).body, /Teks aspirasi menyebut/);
  });
});
