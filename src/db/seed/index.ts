/**
 * The demo seed: loads one council's reference data (councils/<name>/) into an empty database.
 * The files describe the council, its region and (fictional) members; nothing about a particular
 * council is in code, so a second council is a second folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugify } from '../../platform/slug.ts';
import type { Db } from '../index.ts';
import type { BodyKind } from '../schema.ts';

export const councilsDir = fileURLToPath(new URL('../../../councils/', import.meta.url));

interface CouncilFile {
  lembaga: {
    nama: string;
    periode: string;
    jumlah_kursi: number;
    alamat: string;
    wilayah: string;
    provinsi: string;
    kode_wilayah: string;
    zona_waktu: string;
    email?: string;
    telepon?: string;
  };
  fraksi: { nama: string; partai: string[]; kursi: number }[];
  komisi: { kode: string; bidang: string }[];
  alat_kelengkapan: { nama: string }[];
  dapil: { no: number; kecamatan: string[]; kursi: number }[];
}

interface RegionFile {
  kode_kemendagri: string;
  nama: string;
  dapil: number;
  centroid_approx?: { lat: number; lon: number };
  kelurahan: { kode_kemendagri: string; nama: string; kode_pos?: string; lat?: number; lon?: number }[];
}

interface MembersFile {
  anggota: {
    nama: string;
    jenis_kelamin: 'L' | 'P';
    partai: string;
    fraksi: string;
    dapil: number;
    jabatan: { badan: string; sebagai: string }[];
  }[];
}

interface CategoryFile {
  kategori: { slug: string; nama: string; name_en: string; komisi: string | null; hari_kerja: number }[];
}

/** Thrown when a council folder is missing a file or a file contradicts another. */
export class SeedDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedDataError';
  }
}

async function readJson<T>(file: string): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    throw new SeedDataError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

// "Badan Musyawarah (Bamus)" → the kind 'bamus' and the short name "Bamus".
const bodyKinds: Record<string, BodyKind> = {
  bamus: 'bamus',
  banggar: 'banggar',
  bapemperda: 'bapemperda',
  bk: 'bk',
};

function shortName(name: string): string {
  const inside = /\(([^,)]+)/.exec(name)?.[1];
  return (inside ?? name).trim();
}

/**
 * Loads the council described in `dir` (a folder name under councils/, or a path) when the
 * database holds no council yet; all or nothing.
 */
export async function seedCouncil(db: Db, councilFolder: string): Promise<{ seeded: boolean }> {
  const dir = path.resolve(councilsDir, councilFolder);
  const existing = await db.selectFrom('council').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) {
    // A database seeded by an earlier version gains the reference data added since.
    await seedReferenceData(db, dir, existing.id);
    return { seeded: false };
  }

  const council = await readJson<CouncilFile>(path.join(dir, 'dprd.json'));
  const region = await readJson<RegionFile[]>(path.join(dir, 'wilayah.json'));
  const members = await readJson<MembersFile>(path.join(dir, 'anggota.json'));

  const councilId = await db.transaction().execute(async (trx) => {
    const l = council.lembaga;
    const { id: councilId } = await trx
      .insertInto('council')
      .values({
        slug: path.basename(dir),
        name: l.nama,
        region_name: l.wilayah,
        province: l.provinsi,
        region_code: l.kode_wilayah,
        period: l.periode,
        seats: l.jumlah_kursi,
        address: l.alamat,
        email: l.email ?? null,
        phone: l.telepon ?? null,
        timezone: l.zona_waktu,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const dapilIds = new Map<number, number>();
    for (const d of council.dapil) {
      const row = await trx
        .insertInto('dapil')
        .values({ council_id: councilId, number: d.no, seats: d.kursi })
        .returning('id')
        .executeTakeFirstOrThrow();
      dapilIds.set(d.no, row.id);
    }

    for (const k of region) {
      const listed = council.dapil.find((d) => d.kecamatan.includes(k.nama))?.no ?? k.dapil;
      const kec = await trx
        .insertInto('kecamatan')
        .values({
          council_id: councilId,
          dapil_id: dapilIds.get(listed) ?? null,
          code: k.kode_kemendagri,
          slug: slugify(k.nama),
          name: k.nama,
          lat: k.centroid_approx?.lat ?? null,
          lon: k.centroid_approx?.lon ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (k.kelurahan.length > 0) {
        await trx
          .insertInto('kelurahan')
          .values(
            k.kelurahan.map((kel) => ({
              kecamatan_id: kec.id,
              code: kel.kode_kemendagri,
              slug: slugify(kel.nama),
              name: kel.nama,
              postal_code: kel.kode_pos ?? null,
              lat: kel.lat ?? null,
              lon: kel.lon ?? null,
            })),
          )
          .execute();
      }
    }

    const fraksiIds = new Map<string, number>();
    for (const f of council.fraksi) {
      const row = await trx
        .insertInto('fraksi')
        .values({ council_id: councilId, slug: slugify(f.nama), name: f.nama, parties: f.partai, seats: f.kursi })
        .returning('id')
        .executeTakeFirstOrThrow();
      fraksiIds.set(f.nama, row.id);
    }

    const bodyIds = new Map<string, number>();
    const addBody = async (kind: BodyKind, name: string, short: string, field: string | null, order: number) => {
      const row = await trx
        .insertInto('body')
        .values({
          council_id: councilId,
          kind,
          slug: slugify(short),
          name,
          short_name: short,
          field,
          sort_order: order,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      bodyIds.set(name, row.id);
    };
    await addBody('pimpinan', 'Pimpinan DPRD', 'Pimpinan', null, 0);
    for (const [i, k] of council.komisi.entries()) {
      await addBody('komisi', `Komisi ${k.kode}`, `Komisi ${k.kode}`, k.bidang, 10 + i);
    }
    for (const [i, b] of council.alat_kelengkapan.entries()) {
      const short = shortName(b.nama);
      const kind = bodyKinds[short.toLowerCase()];
      // Pansus are formed one by one for a task; the file only says that they exist.
      if (kind !== undefined) await addBody(kind, b.nama, short, null, 50 + i);
    }

    const slugs = new Set<string>();
    for (const m of members.anggota) {
      const fraksiId = fraksiIds.get(m.fraksi);
      const dapilId = dapilIds.get(m.dapil);
      if (fraksiId === undefined) throw new SeedDataError(`${m.nama}: unknown fraksi "${m.fraksi}"`);
      if (dapilId === undefined) throw new SeedDataError(`${m.nama}: unknown dapil ${m.dapil}`);
      let slug = slugify(m.nama);
      for (let n = 2; slugs.has(slug); n++) slug = `${slugify(m.nama)}-${n}`;
      slugs.add(slug);
      const fraksiRole = m.jabatan.find((j) => j.badan === m.fraksi)?.sebagai ?? null;
      const { id: memberId } = await trx
        .insertInto('member')
        .values({
          council_id: councilId,
          slug,
          name: m.nama,
          gender: m.jenis_kelamin,
          party: m.partai,
          fraksi_id: fraksiId,
          fraksi_role: fraksiRole,
          dapil_id: dapilId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const j of m.jabatan) {
        if (j.badan === m.fraksi) continue;
        const bodyId = bodyIds.get(j.badan);
        if (bodyId === undefined) throw new SeedDataError(`${m.nama}: unknown body "${j.badan}"`);
        await trx
          .insertInto('body_membership')
          .values({ body_id: bodyId, member_id: memberId, role: j.sebagai, sort_order: roleOrder(j.sebagai) })
          .execute();
      }
    }
    return councilId;
  });
  await seedReferenceData(db, dir, councilId);
  return { seeded: true };
}

interface HolidayFile {
  [year: string]: { source: string; libur_nasional?: string[]; cuti_bersama?: string[] };
}

/**
 * Holidays (national, for every council) and the council's aspiration categories, each loaded
 * only where none exist yet. Estimated holiday lists (marked "_estimate" or with "?") are not
 * loaded: a working-day deadline must not rest on a guess.
 */
async function seedReferenceData(db: Db, dir: string, councilId: number): Promise<void> {
  const anyHoliday = await db.selectFrom('holiday').select('day').limit(1).executeTakeFirst();
  if (anyHoliday === undefined) {
    const calendar = await readJson<HolidayFile>(path.join(councilsDir, 'hari-libur.json'));
    const rows = Object.values(calendar).flatMap((year) => [
      ...(year.libur_nasional ?? []).map((day) => ({ day, kind: 'libur_nasional' as const, source: year.source })),
      ...(year.cuti_bersama ?? []).map((day) => ({ day, kind: 'cuti_bersama' as const, source: year.source })),
    ]);
    const valid = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.day));
    if (valid.length > 0)
      await db
        .insertInto('holiday')
        .values(valid)
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
  const anyCategory = await db
    .selectFrom('aspiration_category')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (anyCategory !== undefined) return;
  const file = await readJson<CategoryFile>(path.join(dir, 'kategori-aspirasi.json'));
  const komisi = await db
    .selectFrom('body')
    .select(['id', 'short_name'])
    .where('council_id', '=', councilId)
    .where('kind', '=', 'komisi')
    .execute();
  const rows = file.kategori.map((k, i) => {
    const komisiId = k.komisi === null ? null : komisi.find((b) => b.short_name === `Komisi ${k.komisi}`)?.id;
    if (komisiId === undefined) throw new SeedDataError(`category ${k.slug}: unknown komisi "${k.komisi}"`);
    return {
      council_id: councilId,
      slug: k.slug,
      name: k.nama,
      name_en: k.name_en,
      komisi_id: komisiId,
      target_days: k.hari_kerja,
      sort_order: i,
    };
  });
  if (rows.length > 0) await db.insertInto('aspiration_category').values(rows).execute();
}

function roleOrder(role: string): number {
  if (role === 'Ketua') return 0;
  if (role.startsWith('Wakil Ketua')) return 10 + (role.length - 'Wakil Ketua'.length);
  if (role === 'Sekretaris') return 20;
  return 100;
}
