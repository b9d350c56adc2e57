import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { anggota, dprd, wilayah } from '../../test/helpers/reference.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('a citizen finds out which dapil they live in', () => {
  test('every kelurahan leads to the dapil that its kecamatan belongs to', async () => {
    for (const kecamatan of wilayah) {
      const dapil = dprd.dapil.find((d) => d.kecamatan.includes(kecamatan.nama));
      assert.ok(dapil, `${kecamatan.nama} is in a dapil`);
      for (const kelurahan of kecamatan.kelurahan) {
        const res = await t.app.inject(`/dapil?kelurahan=${kelurahan.kode_kemendagri}`);
        assert.equal(res.statusCode, 200);
        assert.ok(
          res.body.includes(`Kelurahan ${kelurahan.nama}, Kecamatan ${kecamatan.nama}, termasuk Dapil ${dapil.no}.`),
          `${kelurahan.nama} → dapil ${dapil.no}`,
        );
      }
    }
  });

  test('the answer lists the members elected in that dapil', async () => {
    const kecamatan = wilayah.find((k) => k.nama === 'Mustikajaya');
    const kelurahan = kecamatan?.kelurahan[0];
    assert.ok(kelurahan);
    const res = await t.app.inject(`/dapil?kelurahan=${kelurahan.kode_kemendagri}&lang=en`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /is in district 3\./);
    const members = [...res.body.matchAll(/<h3><a href="\/anggota\/[a-z0-9-]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
    assert.deepEqual(new Set(members), new Set(anggota.filter((m) => m.dapil === 3).map((m) => m.nama)));
  });

  test('the form offers every kelurahan, grouped by kecamatan', async () => {
    const res = await t.app.inject('/dapil');
    assert.equal(res.statusCode, 200);
    const options = [...res.body.matchAll(/<option value="(\d[\d.]+)"/g)].map((m) => m[1]);
    assert.deepEqual(new Set(options), new Set(wilayah.flatMap((k) => k.kelurahan.map((kel) => kel.kode_kemendagri))));
    for (const k of wilayah) assert.ok(res.body.includes(`<optgroup label="Kecamatan ${k.nama}">`));
  });

  test('an unknown kelurahan gets a clear message, not an error page', async () => {
    const res = await t.app.inject('/dapil?kelurahan=99.99.99.9999');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Kelurahan yang dipilih tidak dikenal/);
    const bad = await t.app.inject('/dapil?kelurahan=%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
    assert.equal(bad.statusCode, 400);
    assert.doesNotMatch(bad.body, /<script>alert/);
  });

  test('the home page offers the same lookup', async () => {
    const res = await t.app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<form method="get" action="\/dapil"/);
    assert.match(res.body, new RegExp(`<h1>${dprd.lembaga.nama}</h1>`));
    for (const k of dprd.komisi) assert.ok(res.body.includes(`Komisi ${k.kode}`));
    for (const f of dprd.fraksi) assert.ok(res.body.includes(f.nama));
  });
});

describe('the dapil API', () => {
  test('lists every dapil with its kecamatan, seats and members', async () => {
    const res = await t.app.inject('/api/v1/dapil');
    assert.equal(res.statusCode, 200);
    const body = res.json<{
      data: {
        number: number;
        seats: number;
        kecamatan: { name: string; kelurahan: unknown[] }[];
        members: unknown[];
      }[];
    }>();
    assert.equal(body.data.length, dprd.dapil.length);
    for (const d of dprd.dapil) {
      const got = body.data.find((x) => x.number === d.no);
      assert.ok(got);
      assert.equal(got.seats, d.kursi);
      assert.deepEqual(new Set(got.kecamatan.map((k) => k.name)), new Set(d.kecamatan));
      assert.equal(got.members.length, anggota.filter((m) => m.dapil === d.no).length);
      const kelurahanCount = wilayah
        .filter((k) => d.kecamatan.includes(k.nama))
        .reduce((sum, k) => sum + k.kelurahan.length, 0);
      assert.equal(
        got.kecamatan.reduce((sum, k) => sum + k.kelurahan.length, 0),
        kelurahanCount,
      );
    }
  });

  test('gives one dapil, 404 for a number that does not exist, 400 for nonsense', async () => {
    assert.equal((await t.app.inject('/api/v1/dapil/2')).json<{ number: number }>().number, 2);
    assert.equal((await t.app.inject('/api/v1/dapil/42')).statusCode, 404);
    assert.equal((await t.app.inject('/api/v1/dapil/dua')).statusCode, 400);
  });
});
