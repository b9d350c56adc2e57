import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { MAX_COLUMNS, MAX_ROWS, readFirstSheet, SpreadsheetError } from '../platform/xlsx.ts';
import { parseAmount } from './import.ts';

let t: TestApp;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);
let staff: Agent;

before(async () => {
  t = await buildTestApp();
  staff = await signIn(t, await createUser(t, 'staff'), agent());
});
after(() => t.close());

const goodFile = [
  'kode_akun;nama_akun;opd;anggaran;realisasi;tahun;tahap',
  '4.1.01.09;PBB-P2;Bapenda;950.000.000.000;780.250.000.000;2026;murni',
  '4.1.01.10;BPHTB;Bapenda;1.100.000.000.000;901.000.000.000,00;2026;murni',
  '4.2.01.01;Dana Alokasi Umum;BPKAD;1450000000000;1200000000000;2026;murni',
  '5.1.01.01;Belanja Gaji;Dinas Pendidikan;1.200.000.000.000;1.000.000.000.000;2026;murni',
  '5.1.01.01;Belanja Gaji;Dinas Kesehatan;600.000.000.000;480.000.000.000;2026;murni',
  '"5.2.04.01";"Belanja Modal Jalan; Irigasi dan Jaringan";Dinas BMSDA;750.000.000.000;400.000.000.000;2026;murni',
  '6.1.01.01;SiLPA;BPKAD;330.000.000.000;330.000.000.000;2026;murni',
].join('\r\n');

/** The file's totals, summed here from the text, not by the code under test. */
function expectedTotals(file: string) {
  const totals: Record<string, { planned: number; realised: number }> = {};
  for (const row of file.split('\r\n').slice(1)) {
    const cells = row.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replaceAll('"', ''));
    const top = (cells[0] ?? '').slice(0, 1);
    const rupiah = (v: string) => Number(v.replace(/,\d\d$/, '').replaceAll('.', ''));
    totals[top] ??= { planned: 0, realised: 0 };
    totals[top].planned += rupiah(cells[3] ?? '0');
    totals[top].realised += rupiah(cells[4] ?? '0');
  }
  return totals;
}

async function upload(data: string | Uint8Array, year = '2026', stage = 'murni', name = 'apbd-2026.csv') {
  await staff.get('/kelola/anggaran');
  return staff.postMultipart('/kelola/anggaran', { year, stage }, [
    { field: 'file', filename: name, type: 'application/octet-stream', data: Buffer.from(data) },
  ]);
}

/**
 * A workbook written the way Excel writes one — text in a shared-string table, numbers as numbers,
 * a title block above the table, an empty cell left out — built here by hand, not by our writer.
 */
function excelWorkbook(table: (string | number | null)[][]): Uint8Array {
  const strings: string[] = [];
  const esc = (v: string) => v.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const rows = [['APBD Kota Contoh'], [], ...table]
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${ref}" s="3"><v>${v}</v></c>`;
          strings.push(v);
          return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
        })
        .join('');
      return row.length === 0 ? '' : `<row r="${r + 1}" spans="1:7">${cells}</row>`;
    })
    .join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="APBD" sheetId="1" r:id="rId3"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${rel}/worksheet" Target="worksheets/sheet7.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst ${ns} count="${strings.length}">${strings.map((v) => `<si><t>${esc(v)}</t></si>`).join('')}</sst>`,
    ),
    'xl/worksheets/sheet7.xml': strToU8(
      `<?xml version="1.0"?><worksheet ${ns}><dimension ref="A1:G9"/><sheetData>${rows}</sheetData></worksheet>`,
    ),
  });
}

const sheetHeader = ['Kode Rekening', 'Uraian', 'OPD', 'Anggaran', 'Realisasi', 'Kode Program', 'Nama Program'];
const sheetRows: (string | number | null)[][] = [
  ['4.1.01.09', 'PBB-P2', 'Bapenda', 950_000_000_000, 780_250_000_000.4, null, null],
  ['4.2.01.01', 'Dana Alokasi Umum', 'BPKAD', 1_450_000_000_000, 1_200_000_000_000, null, null],
  [
    '5.1.02.01',
    'Belanja Barang',
    'Dinas Pendidikan',
    400_000_000_000,
    250_000_000_000,
    '1.01.02',
    'Pengelolaan Pendidikan',
  ],
  [
    '5.2.04.01',
    'Belanja Modal Jalan & Jembatan',
    'Dinas BMSDA',
    750_000_000_000,
    null,
    '1.03.10',
    'Penyelenggaraan Jalan',
  ],
  ['6.1.01.01', 'SiLPA', 'BPKAD', 330_000_000_000, 330_000_000_000, null, null],
];

/** Both confirmations: the first by `checker`, then publishing by `publisher` (the same by default). */
async function publish(location: string, options: { checker?: Agent; publisher?: Agent; acknowledge?: boolean } = {}) {
  const checker = options.checker ?? staff;
  const publisher = options.publisher ?? checker;
  const tick = options.acknowledge === true ? { acknowledge: 'yes' } : {};
  await checker.get(location);
  const checked = await checker.post(`${location}/periksa`, tick);
  assert.equal(checked.statusCode, 303, checked.body.slice(0, 1500));
  await publisher.get(location);
  return publisher.post(`${location}/simpan`, tick);
}

const lineCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('budget_line')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("the budget is imported from the region's file", () => {
  test('amounts are read the ways people write them', () => {
    assert.equal(parseAmount('1.234.567'), 1234567);
    assert.equal(parseAmount('1.234.567,49'), 1234567);
    assert.equal(parseAmount('1,234,567.50'), 1234568);
    assert.equal(parseAmount('Rp 950000'), 950000);
    assert.equal(parseAmount('12,5'), 13);
    assert.equal(parseAmount('satu juta'), undefined);
    assert.equal(parseAmount('1.23.4'), undefined);
  });

  test('a file with mistakes names each bad line and saves nothing', async () => {
    const bad = [
      'kode_akun,nama_akun,anggaran,realisasi,tahun',
      '4.1.01.09,PBB-P2,950000000000,780000000000,2026',
      '7.1,Akun asing,1000,0,2026',
      '5.1.01.01,,satu juta,0,2026',
      '5.1,Belanja Operasi (jumlah),100,0,2026',
      '5.1.02.01,Belanja Barang,100,-5,2025',
      '4.1.01.09,PBB-P2,950000000000,780000000000,2026',
    ].join('\n');
    const res = await upload(bad);
    assert.equal(res.statusCode, 400);
    for (const message of [
      /Baris 3: kode akun &quot;7.1&quot; tidak sah/,
      /Baris 4: nama akun kosong/,
      /Baris 4: &quot;satu juta&quot; bukan jumlah rupiah/,
      /Baris 5: 5.1 adalah baris jumlah dari baris lain/,
      /Baris 6: jumlah tidak boleh negatif/,
      /Baris 6: tahun 2025 tidak sama dengan tahun yang dipilih/,
      /Baris 7: sama dengan baris 2/,
    ]) {
      assert.match(res.body, message);
    }
    assert.equal(await lineCount(), 0);
    assert.equal(
      Number(
        (
          await t.database.db
            .selectFrom('budget_upload')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
    );
    const xlsx = await upload('PK\u0003\u0004 not really a workbook', '2026', 'murni', 'apbd.xlsx');
    assert.equal(xlsx.statusCode, 400);
    assert.match(xlsx.body, /bukan CSV atau XLSX yang dapat dibaca/);
    const noColumns = await upload('akun,jumlah\n4.1,100');
    assert.match(noColumns.body, /kolom wajib tidak ada: kode_akun, nama_akun, anggaran/);
    assert.equal((await upload(goodFile, '20x6')).statusCode, 400);
  });

  test('a good file shows the same totals as the file, is saved on approval, and a new import replaces the year at once', async () => {
    const res = await upload(goodFile);
    assert.equal(res.statusCode, 303);
    const previewPage = (await staff.get(res.headers.location as string)).body;
    const expected = expectedTotals(goodFile);
    assert.equal(await lineCount(), 0, 'nothing is saved before approval');
    const rupiah = (n: number) => `Rp ${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
    for (const top of ['4', '5', '6']) {
      assert.ok(previewPage.includes(rupiah(expected[top]?.planned ?? -1)), `planned ${top}`);
      assert.ok(previewPage.includes(rupiah(expected[top]?.realised ?? -1)), `realised ${top}`);
    }
    const saved = await publish(res.headers.location as string);
    assert.equal(saved.headers.location, '/anggaran?tahun=2026&tahap=murni');
    assert.equal(await lineCount(), 7);

    const page = (await agent().get('/anggaran?tahun=2026&tahap=murni')).body;
    assert.match(page, /APBD 2026 \(APBD murni\)/);
    assert.match(page, /Rp 3,5 triliun/, 'revenue in words');
    assert.match(page, /<svg aria-hidden="true"/, 'a chart drawn on the server');
    assert.doesNotMatch(page, /<style/);
    assert.ok(page.includes(rupiah(expected['4']?.planned ?? 0)), 'the table beside the chart');
    // A chart is drawn once per budget, width and language: the next render shows the same drawing,
    // and the English page one of its own, its amounts written in English.
    const svgOf = (html: string) => /<svg aria-hidden="true"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const again = (await agent().get('/anggaran?tahun=2026&tahap=murni')).body;
    assert.equal(svgOf(again), svgOf(page));
    const english = (await agent().get('/anggaran?tahun=2026&tahap=murni&lang=en')).body;
    assert.match(svgOf(english), />Rp [\d.]+ (tn|bn)</);
    assert.notEqual(svgOf(english), svgOf(page));
    const spending = (await agent().get('/anggaran?tahun=2026&tahap=murni&akun=5.1')).body;
    assert.match(spending, /Rincian 5.1 Belanja Operasi/);
    assert.match(spending, /Dinas Pendidikan/);
    assert.ok(spending.includes(rupiah(1_800_000_000_000)));
    const csvFile = await agent().get('/anggaran.csv?tahun=2026&tahap=murni');
    assert.match(
      csvFile.body,
      /5\.2\.04\.01,"Belanja Modal Jalan; Irigasi dan Jaringan"|5\.2\.04\.01,Belanja Modal Jalan; Irigasi dan Jaringan/,
    );

    assert.equal((await agent().get('/anggaran?tahun=2030')).statusCode, 404);
    assert.equal((await agent().get('/anggaran?akun=9.9')).statusCode, 400);
  });

  test('a small file over the published budget shows what it changes, warns, and goes live only on a second confirmation', async () => {
    const smaller = ['kode_akun;nama_akun;anggaran', '4.1.01.09;PBB-P2;1.000.000.000.000'].join('\n');
    const res = await upload(smaller);
    assert.equal(res.statusCode, 303);
    const location = res.headers.location as string;
    const id = Number(location.split('/').at(-1));
    const page = (await staff.get(location)).body;
    assert.match(page, /Berkas ini akan menggantikan seluruh APBD 2026 \([^)]*\) yang terbit sekarang\./);
    assert.match(page, /Halaman Anggaran menampilkan versi ini kepada warga sebagai bawaan\./);
    assert.match(page, /Perubahan besar: total berubah lebih dari 10%/);
    // Revenue was 950 + 1.100 + 1.450 billion in the file published before; spending and financing go.
    assert.match(
      page,
      /<strong>Pendapatan Daerah<\/strong>: Rp 3\.500\.000\.000\.000 → Rp 1\.000\.000\.000\.000 \(-71,4%\)/,
    );
    assert.match(page, /<strong>Belanja Daerah<\/strong>: Rp 2\.550\.000\.000\.000 → Rp 0 \(-100%\)/);
    assert.match(page, /1 baris baru, 7 baris hilang, 0 baris berubah nilai\./);
    assert.match(
      page,
      /<th scope="row">4\.1 Pendapatan Asli Daerah[^<]*<\/th><td class="number">Rp 2\.050\.000\.000\.000<\/td><td class="number">Rp 1\.000\.000\.000\.000<\/td>/,
    );
    assert.doesNotMatch(page, /\/simpan"/, 'no way to publish before the first confirmation');

    // Publishing before checking, or checking without ticking the large change: refused, nothing changes.
    const early = await staff.post(`${location}/simpan`, { acknowledge: 'yes' });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /Berkas ini belum diperiksa: konfirmasi pertama dahulu\./);
    await staff.get(location);
    const unticked = await staff.post(`${location}/periksa`, {});
    assert.equal(unticked.statusCode, 400);
    assert.match(unticked.body, /href="#acknowledge">Centang bahwa Anda sudah memeriksa perubahan besar ini\./);
    assert.equal(await lineCount(), 7);

    // The administrator asks for a second officer; staff cannot change the rule.
    const admin = await signIn(t, await createUser(t, 'administrator'), agent());
    await admin.get('/kelola/anggaran');
    const silly = await admin.post('/kelola/anggaran/aturan', { warnPercent: '150', secondOfficer: 'yes' });
    assert.equal(silly.statusCode, 400);
    assert.match(silly.body, /Tulis persentase bulat dari 1 sampai 100/);
    assert.match(silly.body, /id="warnPercent" name="warnPercent" type="text" value="150"/, 'what was typed is kept');
    assert.match(silly.body, /id="secondOfficer" name="secondOfficer" type="checkbox" value="yes" checked/);
    assert.equal(
      (await admin.post('/kelola/anggaran/aturan', { warnPercent: '10', secondOfficer: 'yes' })).statusCode,
      303,
    );
    await staff.get('/kelola/anggaran');
    assert.doesNotMatch((await staff.get('/kelola/anggaran')).body, /action="\/kelola\/anggaran\/aturan"/);
    assert.equal((await staff.post('/kelola/anggaran/aturan', { warnPercent: '50' })).statusCode, 403);

    await staff.get(location);
    const checked = await staff.post(`${location}/periksa`, { acknowledge: 'yes' });
    assert.equal(checked.headers.location, `${location}?pesan=diperiksa`);
    const waiting = (await staff.get(checked.headers.location)).body;
    assert.match(waiting, /Konfirmasi pertama tercatat\. Berkas belum terbit\./);
    assert.match(waiting, /Diperiksa oleh Anda,/);
    assert.match(waiting, /Aturan dewan meminta petugas lain menerbitkannya\./);
    const self = await staff.post(`${location}/simpan`, { acknowledge: 'yes' });
    assert.equal(self.statusCode, 400);
    assert.match(self.body, /Anda yang memeriksa berkas ini; aturan dewan meminta petugas lain menerbitkannya\./);
    assert.equal(await lineCount(), 7, 'still the version in force');

    // A second officer finds it waiting, must tick the large change too, and publishes.
    const second = await signIn(t, await createUser(t, 'staff', { name: 'Petugas Kedua' }), agent());
    const list = (await second.get('/kelola/anggaran')).body;
    assert.match(list, new RegExp(`href="/kelola/anggaran/unggahan/${id}">apbd-2026\\.csv</a> · 2026`));
    assert.match(list, /Diperiksa Uji staff \d+; menunggu diterbitkan/);
    await second.get(location);
    const unticked2 = await second.post(`${location}/simpan`, {});
    assert.equal(unticked2.statusCode, 400);
    assert.equal(await lineCount(), 7);
    await second.get(location);
    const published = await second.post(`${location}/simpan`, { acknowledge: 'yes' });
    assert.equal(published.headers.location, '/anggaran?tahun=2026&tahap=murni');
    assert.equal(await lineCount(), 1);
    assert.match((await agent().get('/anggaran')).body, /Rp 1 triliun/);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('subject_type', '=', 'budget')
      .orderBy('id')
      .execute();
    assert.deepEqual(audit.map((a) => a.action).slice(-3), [
      'budget.rule_changed',
      'budget.checked',
      'budget.imported',
    ]);

    // A file can be withdrawn instead; what is published stays.
    const withdrawn = await upload(goodFile);
    const wLocation = withdrawn.headers.location as string;
    await second.get(wLocation);
    const gone = await second.post(`${wLocation}/batal`, {});
    assert.equal(gone.headers.location, '/kelola/anggaran?pesan=dibatalkan');
    assert.equal((await second.get(wLocation)).statusCode, 404);
    assert.equal(await lineCount(), 1);
    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get(location)).statusCode, 403, role);
    }

    await admin.get('/kelola/anggaran');
    await admin.post('/kelola/anggaran/aturan', { warnPercent: '10' });
  });

  test('a spreadsheet saved as XLSX is read from its first sheet, below its title block', async () => {
    const res = await upload(excelWorkbook([sheetHeader, ...sheetRows]), '2025', 'perubahan', 'apbd.xlsx');
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const previewPage = (await staff.get(res.headers.location as string)).body;
    const rupiah = (n: number) => `Rp ${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
    for (const top of ['4', '5', '6']) {
      const mine = sheetRows.filter((r) => String(r[0]).startsWith(top));
      const planned = mine.reduce((sum, r) => sum + Number(r[3]), 0);
      const realised = mine.reduce((sum, r) => sum + Math.round(Number(r[4] ?? 0)), 0);
      assert.ok(previewPage.includes(rupiah(planned)), `planned ${top}`);
      assert.ok(previewPage.includes(rupiah(realised)), `realised ${top}`);
    }
    assert.equal((await publish(res.headers.location as string)).statusCode, 303);
    const roads = await t.database.db
      .selectFrom('budget_line')
      .selectAll()
      .where('account_code', '=', '5.2.04.01')
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    assert.equal(roads.account_name, 'Belanja Modal Jalan & Jembatan');
    assert.equal(roads.program_code, '1.03.10');
    assert.equal(roads.program_name, 'Penyelenggaraan Jalan');

    // A bad cell is named by the row number the spreadsheet program shows (the title block counts).
    const bad = excelWorkbook([sheetHeader, sheetRows[0] ?? [], ['5.1.02.01', 'Belanja Barang', 'X', 'banyak', 0]]);
    const refused = await upload(bad, '2025', 'perubahan', 'apbd.xlsx');
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Baris 5: &quot;banyak&quot; bukan jumlah rupiah/);
    const broken = await upload(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), '2025', 'murni', 'apbd.xlsx');
    assert.equal(broken.statusCode, 400);
    assert.match(broken.body, /bukan CSV atau XLSX/);
  });

  test('spending is read by programme, years are compared, and the same is in /api/v1/budget', async () => {
    // Saved by the tests above: 2026 murni (one line) and 2025 perubahan (the spreadsheet).
    const year = (await agent().get('/anggaran?tahun=2025&tahap=perubahan')).body;
    assert.match(year, /Belanja menurut program/);
    assert.match(
      year,
      /href="\/anggaran\?tahun=2025&amp;tahap=perubahan&amp;program=1\.03\.10#programmes">1\.03\.10 Penyelenggaraan Jalan/,
    );
    const programme = await agent().get('/anggaran?tahun=2025&tahap=perubahan&program=1.03.10');
    assert.equal(programme.statusCode, 200);
    assert.match(programme.body, /5\.2\.04\.01 Belanja Modal Jalan &amp; Jembatan/);
    assert.ok(programme.body.includes('Rp 750.000.000.000'));
    assert.equal((await agent().get('/anggaran?tahun=2025&tahap=perubahan&program=9.99')).statusCode, 404);

    const latest = (await agent().get('/anggaran')).body;
    assert.match(latest, /Perbandingan antartahun/);
    assert.match(latest, /2025 \(APBD perubahan\)/);
    assert.match(latest, /2026 \(APBD murni\)/);

    const api = await agent().get('/api/v1/budget?year=2025&stage=perubahan&programme=1.03.10');
    assert.equal(api.statusCode, 200);
    const body = JSON.parse(api.body) as {
      year: number;
      licence: string;
      totals: { code: string; planned: number; realised: number }[];
      programmes: { code: string; planned: number }[];
      years: { year: number }[];
    };
    assert.equal(body.year, 2025);
    assert.equal(body.licence, 'CC-BY-4.0');
    const spending = sheetRows.filter((r) => String(r[0]).startsWith('5'));
    assert.equal(
      body.totals.find((x) => x.code === '5')?.planned,
      spending.reduce((sum, r) => sum + Number(r[3]), 0),
    );
    assert.deepEqual(body.programmes, [
      { code: '5.2.04.01', name: 'Belanja Modal Jalan & Jembatan', planned: 750_000_000_000, realised: 0 },
    ]);
    assert.deepEqual(
      body.years.map((y) => y.year),
      [2025, 2026],
    );
    assert.equal((await agent().get('/api/v1/budget?year=1999')).statusCode, 400);
    assert.equal((await agent().get('/api/v1/budget?year=2031')).statusCode, 404);
  });

  test('a spreadsheet built to freeze the portal is read within bounds, off the event loop', async () => {
    // One cell per row in the last column Excel has (XFD): the reported 102 KB file had 20,000 rows.
    const hostile = (rows: number, firstRow = 1) => {
      const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
      const body = Array.from({ length: rows }, (_, i) => {
        const r = firstRow + i;
        return `<row r="${r}"><c r="XFD${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
      }).join('');
      return zipSync({
        'xl/workbook.xml': strToU8(`<workbook ${ns}><sheets><sheet name="A" sheetId="1"/></sheets></workbook>`),
        'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${ns}><sheetData>${body}</sheetData></worksheet>`),
      });
    };
    for (const row of readFirstSheet(hostile(50)))
      assert.ok(row.fields.length <= MAX_COLUMNS, `row ${row.line} holds ${row.fields.length} fields`);
    assert.throws(() => readFirstSheet(hostile(1, MAX_ROWS + 1)), SpreadsheetError, 'too many rows is refused');

    // Imported whole, it is refused with words, and pages answer while it is read.
    const importing = upload(hostile(20_000), '2026', 'murni', 'apbd.xlsx');
    const page = await agent().get('/anggaran');
    assert.equal(page.statusCode, 200);
    const res = await importing;
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="banner banner-error"[^>]*role="alert"/);
  });

  test('only staff and administrators import', async () => {
    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/anggaran')).statusCode, 403, role);
    }
  });
});
