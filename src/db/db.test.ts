import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../test/helpers/app.ts';
import { openTestDatabase, testEngine } from '../../test/helpers/database.ts';
import { anggota, dprd, wilayah } from '../../test/helpers/reference.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from './index.ts';
import { migrateToLatest, pendingMigrations } from './migrate.ts';
import { councilsDir, SeedDataError, seedCouncil } from './seed/index.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dewan-db-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const count = async (
  db: Awaited<ReturnType<typeof openTestDatabase>>['db'],
  table: 'council' | 'dapil' | 'kecamatan' | 'kelurahan' | 'fraksi' | 'member' | 'body_membership',
) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`the database (${testEngine})`, () => {
  test('is migrated on open, and migrating again changes nothing', async () => {
    const open = await openTestDatabase({ seed: false });
    try {
      assert.deepEqual(await pendingMigrations(open.db), []);
      await migrateToLatest(open.db);
      assert.deepEqual(await pendingMigrations(open.db), []);
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public'`.execute(open.db);
      const names = tables.rows.map((r) => r.table_name);
      for (const t of ['council', 'dapil', 'kecamatan', 'kelurahan', 'fraksi', 'body', 'member', 'body_membership']) {
        assert.ok(names.includes(t), `table ${t}`);
      }
    } finally {
      await open.close();
    }
  });

  test('the demo seed loads the council exactly as the reference files describe it', async () => {
    const open = await openTestDatabase({ seed: false });
    try {
      assert.deepEqual(await seedCouncil(open.db, 'kota-bekasi'), { seeded: true });
      assert.equal(await count(open.db, 'council'), 1);
      assert.equal(await count(open.db, 'dapil'), dprd.dapil.length);
      assert.equal(await count(open.db, 'kecamatan'), wilayah.length);
      assert.equal(
        await count(open.db, 'kelurahan'),
        wilayah.reduce((n, k) => n + k.kelurahan.length, 0),
      );
      assert.equal(await count(open.db, 'fraksi'), dprd.fraksi.length);
      assert.equal(await count(open.db, 'member'), dprd.lembaga.jumlah_kursi);
      const positions = anggota.flatMap((m) => m.jabatan.filter((j) => j.badan !== m.fraksi));
      assert.equal(await count(open.db, 'body_membership'), positions.length);
      const seats = await open.db.selectFrom('dapil').select(['number', 'seats']).orderBy('number').execute();
      assert.deepEqual(
        seats,
        dprd.dapil.map((d) => ({ number: d.no, seats: d.kursi })),
      );
      // Loading again into a database that has a council does nothing.
      assert.deepEqual(await seedCouncil(open.db, 'kota-bekasi'), { seeded: false });
      assert.equal(await count(open.db, 'member'), dprd.lembaga.jumlah_kursi);
    } finally {
      await open.close();
    }
  });

  test('a seed file that contradicts itself stores nothing at all', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dewan-council-'));
    dirs.push(dir);
    cpSync(path.join(councilsDir, 'kota-bekasi'), dir, { recursive: true });
    const file = path.join(dir, 'anggota.json');
    const members = JSON.parse(readFileSync(file, 'utf8'));
    members.anggota[40].fraksi = 'Fraksi Yang Tidak Ada';
    writeFileSync(file, JSON.stringify(members));
    const open = await openTestDatabase({ seed: false });
    try {
      await assert.rejects(seedCouncil(open.db, dir), SeedDataError);
      assert.equal(await count(open.db, 'council'), 0);
      assert.equal(await count(open.db, 'member'), 0);
    } finally {
      await open.close();
    }
  });

  test('a transaction that fails takes nothing of a concurrent one with it', async () => {
    const open = await openTestDatabase({ seed: false });
    try {
      await sql`create table probe (id integer primary key, note text not null)`.execute(open.db);
      const failing = open.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('probe' as never)
          .values({ id: 1, note: 'rolled back' } as never)
          .execute();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('abort');
      });
      const committing = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await open.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('probe' as never)
            .values({ id: 2, note: 'kept' } as never)
            .execute();
        });
      })();
      const plain = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await sql`insert into probe values (3, 'kept too')`.execute(open.db);
      })();
      await assert.rejects(failing, /abort/);
      await committing;
      await plain;
      const rows = await sql<{ id: number }>`select id from probe order by id`.execute(open.db);
      assert.deepEqual(
        rows.rows.map((r) => r.id),
        [2, 3],
      );
    } finally {
      await open.close();
    }
  });
});

if (testEngine === 'pglite') {
  describe('on the embedded database', () => {
    test('the portal answers between queries that wait for the one connection', async () => {
      const { app, close } = await buildTestApp({ seed: false });
      try {
        const address = await app.listen({ port: 0, host: '127.0.0.1' });
        // Twenty slow queries queued at once: the embedded database runs each on this thread.
        let finished = 0;
        const queued = Array.from({ length: 20 }, () =>
          sql`select pg_sleep(0.02)`.execute(app.db).then(() => finished++),
        );
        const probe = await fetch(`${address}/healthz`);
        const finishedWhenAnswered = finished;
        await Promise.all(queued);
        assert.equal(probe.status, 200);
        assert.ok(finishedWhenAnswered < 20, `answered after ${finishedWhenAnswered} of the 20 queries, not after all`);
      } finally {
        await close();
      }
    });
  });
}

if (testEngine === 'postgres') {
  describe('on a PostgreSQL server', () => {
    test('each app process keeps as many connections as DATABASE_POOL_SIZE says, however many ask', async () => {
      const server = await openTestDatabase({ seed: false });
      const own = await openDatabase({
        databaseUrl: server.connectionString,
        dataDir: 'unused',
        databasePoolSize: loadConfig({ DATA_DIR: tempDir(), DATABASE_POOL_SIZE: '3' }).databasePoolSize,
      });
      try {
        const asked = await Promise.all(
          Array.from({ length: 12 }, () =>
            sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(own.db),
          ),
        );
        assert.equal(new Set(asked.map((r) => r.rows[0]?.pid)).size, 3, 'twelve queries shared three connections');
      } finally {
        await own.close();
        await server.close();
      }
    });
  });
}

describe('a second council, by data alone', () => {
  test('a council folder with another region, districts and members becomes its own portal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dewan-council-'));
    dirs.push(dir);
    writeFileSync(
      path.join(dir, 'dprd.json'),
      JSON.stringify({
        lembaga: {
          nama: 'DPRD Kabupaten Contoh',
          periode: '2024-2029',
          jumlah_kursi: 3,
          alamat: 'Jl. Percobaan No. 1, Sukamaju',
          wilayah: 'Kabupaten Contoh',
          provinsi: 'Jawa Tengah',
          kode_wilayah: '33.99',
          zona_waktu: 'Asia/Jakarta',
          email: 'setwan@contoh.example',
          telepon: '(0299) 123456',
        },
        fraksi: [{ nama: 'Fraksi Gabungan', partai: ['A', 'B'], kursi: 3 }],
        komisi: [{ kode: 'A', bidang: 'Pemerintahan' }],
        alat_kelengkapan: [{ nama: 'Badan Anggaran (Banggar)' }],
        dapil: [
          { no: 1, kecamatan: ['Sukamaju'], kursi: 2 },
          { no: 2, kecamatan: ['Sukamundur'], kursi: 1 },
        ],
      }),
    );
    writeFileSync(
      path.join(dir, 'kategori-aspirasi.json'),
      JSON.stringify({
        kategori: [{ slug: 'umum', nama: 'Umum', name_en: 'General', komisi: 'A', hari_kerja: 5 }],
      }),
    );
    writeFileSync(
      path.join(dir, 'wilayah.json'),
      JSON.stringify([
        {
          kode_kemendagri: '33.99.01',
          nama: 'Sukamaju',
          dapil: 1,
          kelurahan: [{ kode_kemendagri: '33.99.01.2001', nama: 'Desa Satu' }],
        },
        {
          kode_kemendagri: '33.99.02',
          nama: 'Sukamundur',
          dapil: 2,
          kelurahan: [{ kode_kemendagri: '33.99.02.2001', nama: 'Desa Dua' }],
        },
      ]),
    );
    writeFileSync(
      path.join(dir, 'anggota.json'),
      JSON.stringify({
        anggota: [
          {
            nama: 'Sri Contoh',
            jenis_kelamin: 'P',
            partai: 'A',
            fraksi: 'Fraksi Gabungan',
            dapil: 1,
            jabatan: [{ badan: 'Komisi A', sebagai: 'Ketua' }],
          },
          {
            nama: 'Bayu Contoh',
            jenis_kelamin: 'L',
            partai: 'B',
            fraksi: 'Fraksi Gabungan',
            dapil: 1,
            jabatan: [{ badan: 'Badan Anggaran (Banggar)', sebagai: 'Anggota' }],
          },
          { nama: 'Tono Contoh', jenis_kelamin: 'L', partai: 'A', fraksi: 'Fraksi Gabungan', dapil: 2, jabatan: [] },
        ],
      }),
    );
    const database = await openTestDatabase({ seed: dir });
    const t = await buildTestApp({ database });
    try {
      const home = await t.app.inject('/');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /<h1>DPRD Kabupaten Contoh<\/h1>/);
      assert.match(home.body, /Jl\. Percobaan No\. 1/);
      assert.match(home.body, /href="mailto:setwan@contoh\.example"/);
      assert.doesNotMatch(home.body, /Bekasi/);
      const dapil = await t.app.inject('/dapil?kelurahan=33.99.02.2001');
      assert.match(dapil.body, /Kelurahan Desa Dua, Kecamatan Sukamundur, termasuk Dapil 2\./);
      assert.match(dapil.body, />Tono Contoh</);
      const members = await t.app.inject('/anggota?komisi=komisi-a');
      assert.match(members.body, />Sri Contoh</);
      assert.doesNotMatch(members.body, />Bayu Contoh</);
    } finally {
      await t.close();
    }
  });

  test('an empty database without the demo seed says the portal is not ready yet', async () => {
    const t = await buildTestApp({ seed: false });
    try {
      const res = await t.app.inject('/');
      assert.equal(res.statusCode, 503);
      assert.match(res.body, /Portal belum siap/);
      assert.equal((await t.app.inject('/api/v1/members')).statusCode, 503);
    } finally {
      await t.close();
    }
  });
});
