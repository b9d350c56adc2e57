/**
 * Demo aspirations for `npm start`, so that a newcomer sees the list, the map, the home page's
 * "recently answered" and the inbox as they look in real use: a few hundred over the past ten
 * months, in every category, kecamatan, kind, channel and status, each with the timeline its
 * status implies (verification, forwarding to the category's komisi, answers by the secretariat and
 * by members of the dapil, follow-ups, resolution, the reporter's rating and "is it resolved?"),
 * supporters and working-day deadlines. Every reporter, text and address is FICTIONAL: reporters
 * are named "… (fiktif)" and write from addresses under example.org, a domain reserved for
 * examples, so no mail can reach a person. Loaded only into a council with no aspirations.
 */
import { newToken, type Sealer } from '../../platform/crypto.ts';
import { addWorkingDays, jakartaDay } from '../../platform/working-days.ts';
import { nextYearlyNumber } from '../../platform/yearly-numbers.ts';
import type { Db } from '../index.ts';
import type { AspirationChannel, AspirationKind, AspirationStatus } from '../schema.ts';
import { placesOf } from './places.ts';
import { random } from './random.ts';

/** What people write about one category, and what the council answers. {kel} is a kelurahan, {rt}/{rw} numbers. */
interface Topic {
  titles: string[];
  problems: string[];
  answers: string[];
  resolutions: string[];
  /** Where the council refers what is not the city's to handle. */
  agency: string;
}

const generic: Topic = {
  titles: ['Usulan untuk warga {kel}', 'Mohon perhatian untuk lingkungan RW {rw} {kel}'],
  problems: [
    'Kami warga RW {rw} Kelurahan {kel} mengusulkan agar pemerintah kota memperhatikan kebutuhan lingkungan kami.',
    'Sudah beberapa kali kami sampaikan ke kelurahan tetapi belum ada kejelasan tindak lanjut.',
  ],
  answers: ['Terima kasih, usulan ini kami sampaikan kepada perangkat daerah yang membidangi.'],
  resolutions: ['Perangkat daerah terkait sudah menindaklanjuti dan menyampaikan hasilnya kepada lurah.'],
  agency: 'Pemerintah Provinsi',
};

const topics: Record<string, Topic> = {
  'jalan-jembatan-drainase': {
    titles: [
      'Jalan berlubang di RW {rw} {kel}',
      'Saluran air tersumbat di depan gang RT {rt} {kel}',
      'Jembatan penyeberangan kecil di {kel} retak',
      'Aspal mengelupas di jalan lingkungan {kel}',
    ],
    problems: [
      'Lubang di badan jalan makin lebar setiap hujan dan sudah beberapa pengendara motor terjatuh, terutama malam hari.',
      'Saluran di depan gang tertutup sedimen dan sampah sehingga air meluap ke jalan setiap hujan deras.',
      'Retakan pada jembatan kecil terlihat di kedua sisi dan warga khawatir jembatan tidak kuat dilalui kendaraan.',
      'Aspal jalan lingkungan mengelupas sepanjang kurang lebih 200 meter sejak perbaikan tahun lalu.',
    ],
    answers: [
      'Terima kasih atas laporannya. Dinas Bina Marga dan Sumber Daya Air sudah kami minta meninjau lokasi pekan ini.',
      'Lokasi ini sudah masuk daftar pemeliharaan rutin; kami minta jadwal pastinya kepada dinas.',
      'Kami akan meninjau langsung saluran ini bersama lurah dan ketua RW.',
    ],
    resolutions: [
      'Lubang sudah ditambal oleh tim pemeliharaan jalan; mohon kabari kami bila rusak lagi.',
      'Saluran sudah dikeruk dan tutupnya diganti. Warga diminta tidak membuang sampah ke saluran.',
      'Perbaikan jembatan dianggarkan dalam perubahan APBD dan pekerjaan pengamanan sementara sudah dipasang.',
    ],
    agency: 'Balai Besar Wilayah Sungai',
  },
  banjir: {
    titles: [
      'Banjir setiap hujan deras di perumahan {kel}',
      'Tanggul kali di {kel} rembes',
      'Pompa air di {kel} tidak berfungsi',
    ],
    problems: [
      'Setiap hujan lebih dari dua jam, air masuk ke rumah warga setinggi lutut dan baru surut keesokan harinya.',
      'Tanggul kali di belakang permukiman merembes dan tanahnya mulai longsor sedikit demi sedikit.',
      'Pompa air di pintu air tidak dinyalakan saat hujan karena rusak, sehingga genangan meluas.',
    ],
    answers: [
      'Kami sudah meminta data titik banjir dari dinas dan akan membahasnya dalam rapat kerja komisi.',
      'Anggota dewan dapil ini akan meninjau lokasi bersama dinas dan lurah.',
    ],
    resolutions: [
      'Pompa sudah diperbaiki dan petugas jaga ditambah selama musim hujan.',
      'Perkuatan tanggul dikerjakan sepanjang 120 meter; pemantauan dilanjutkan.',
    ],
    agency: 'Balai Besar Wilayah Sungai',
  },
  'sampah-lingkungan': {
    titles: [
      'Sampah menumpuk di TPS {kel}',
      'Pengangkutan sampah di RW {rw} {kel} tidak rutin',
      'Pembakaran sampah terbuka di {kel}',
      'Bau menyengat dari saluran di {kel}',
    ],
    problems: [
      'Sampah di tempat penampungan sementara sudah menumpuk hampir seminggu dan meluber ke jalan.',
      'Truk sampah hanya datang seminggu sekali padahal dijadwalkan tiga kali.',
      'Ada warga yang membakar sampah di lahan kosong setiap sore sehingga asapnya masuk ke rumah-rumah.',
      'Bau menyengat muncul dari saluran, diduga dari limbah usaha di sekitar lokasi.',
    ],
    answers: [
      'Dinas Lingkungan Hidup sudah kami hubungi untuk menambah jadwal pengangkutan.',
      'Kami meminta dinas memeriksa sumber bau dan izin pembuangan limbah usaha di sekitar lokasi.',
    ],
    resolutions: [
      'Sampah sudah diangkut dan jadwal pengangkutan dikembalikan tiga kali seminggu.',
      'Dinas sudah memberi teguran tertulis dan pembakaran terbuka tidak terjadi lagi.',
    ],
    agency: 'Pemerintah Provinsi',
  },
  transportasi: {
    titles: [
      'Lampu lalu lintas di perempatan {kel} mati',
      'Parkir liar menutup jalan di {kel}',
      'Halte di {kel} rusak',
      'Rambu jalan di {kel} hilang',
    ],
    problems: [
      'Lampu lalu lintas mati sejak tiga hari dan kendaraan saling serobot, terutama jam berangkat sekolah.',
      'Kendaraan parkir di kedua sisi jalan sehingga angkutan umum dan ambulans sulit lewat.',
      'Atap halte bocor dan bangkunya patah, penumpang menunggu di bawah hujan.',
      'Rambu batas kecepatan di depan sekolah hilang dan kendaraan melaju kencang.',
    ],
    answers: [
      'Dinas Perhubungan sudah kami minta memperbaiki lampu dan menempatkan petugas sementara.',
      'Kami akan membahas penertiban parkir bersama dinas dan camat.',
    ],
    resolutions: [
      'Lampu lalu lintas sudah menyala kembali setelah pengendalinya diganti.',
      'Rambu baru sudah dipasang dan marka zona sekolah dicat ulang.',
    ],
    agency: 'Kepolisian Resor setempat',
  },
  'tata-ruang-perumahan': {
    titles: [
      'Bangunan tanpa izin di sempadan kali {kel}',
      'Fasos fasum perumahan di {kel} belum diserahkan',
      'Rumah tidak layak huni di RT {rt} {kel}',
    ],
    problems: [
      'Ada bangunan baru di sempadan kali yang menyempitkan aliran air; warga khawatir banjir bertambah parah.',
      'Pengembang belum menyerahkan fasilitas sosial dan umum sehingga jalan dan taman tidak terawat.',
      'Beberapa rumah warga lanjut usia di lingkungan kami atapnya hampir roboh.',
    ],
    answers: [
      'Kami meminta dinas memeriksa izin bangunan tersebut dan melaporkan hasilnya.',
      'Penyerahan fasos fasum akan kami tanyakan dalam rapat dengar pendapat dengan dinas dan pengembang.',
    ],
    resolutions: [
      'Pemilik bangunan sudah diberi surat peringatan dan pembongkaran dijadwalkan.',
      'Dua rumah masuk program bedah rumah tahun anggaran berikutnya.',
    ],
    agency: 'Kantor Pertanahan',
  },
  'ekonomi-umkm-pasar': {
    titles: [
      'Atap pasar di {kel} bocor',
      'Pelatihan dan izin usaha untuk UMKM {kel}',
      'Lapak pedagang di {kel} direlokasi tanpa sosialisasi',
    ],
    problems: [
      'Atap los pasar bocor di banyak titik dan dagangan basah setiap hujan.',
      'Ibu-ibu pelaku usaha rumahan di lingkungan kami ingin pelatihan pemasaran daring dan bantuan mengurus izin.',
      'Pedagang dipindahkan ke lokasi baru yang sepi pembeli tanpa pemberitahuan sebelumnya.',
    ],
    answers: [
      'Kami meminta dinas menyampaikan jadwal perbaikan pasar dan anggarannya.',
      'Dinas Koperasi dan UMKM akan kami minta membuka kelas pelatihan di kelurahan.',
    ],
    resolutions: [
      'Perbaikan atap pasar selesai dikerjakan oleh pengelola pasar.',
      'Pelatihan pemasaran daring diadakan di aula kelurahan untuk 40 pelaku usaha.',
    ],
    agency: 'Kementerian Perdagangan',
  },
  'pajak-retribusi': {
    titles: ['Tagihan PBB {kel} naik tidak wajar', 'Retribusi parkir di {kel} tanpa karcis'],
    problems: [
      'Tagihan PBB rumah kami naik lebih dari dua kali lipat dibanding tahun lalu tanpa penjelasan.',
      'Petugas menarik retribusi parkir tanpa memberi karcis resmi.',
    ],
    answers: ['Kami meminta Bapenda menjelaskan dasar penetapan nilai dan cara mengajukan keberatan.'],
    resolutions: [
      'Bapenda membuka layanan keberatan PBB di kecamatan; permohonan warga sudah diterima.',
      'Juru parkir tanpa karcis sudah ditertibkan dan karcis resmi dibagikan.',
    ],
    agency: 'Kantor Pelayanan Pajak Pratama',
  },
  pendidikan: {
    titles: [
      'Ruang kelas SD di {kel} rusak',
      'Zonasi penerimaan siswa di {kel} membingungkan',
      'Guru honorer di {kel} belum menerima honor',
    ],
    problems: [
      'Plafon dua ruang kelas sudah jebol dan siswa belajar bergantian di ruang guru.',
      'Banyak orang tua tidak paham aturan zonasi sehingga anak yang rumahnya dekat justru tidak diterima.',
      'Beberapa guru honorer belum menerima honor selama tiga bulan.',
    ],
    answers: [
      'Dinas Pendidikan sudah kami minta mendata kerusakan untuk rehabilitasi.',
      'Kami akan membahas sosialisasi zonasi dalam rapat kerja dengan Dinas Pendidikan.',
    ],
    resolutions: [
      'Rehabilitasi dua ruang kelas selesai dan siswa kembali belajar normal.',
      'Honor guru sudah dibayarkan setelah dokumen pencairan dilengkapi.',
    ],
    agency: 'Kementerian Agama (untuk madrasah)',
  },
  kesehatan: {
    titles: [
      'Antrean panjang di puskesmas {kel}',
      'Obat di puskesmas {kel} sering kosong',
      'Fogging demam berdarah di {kel}',
    ],
    problems: [
      'Warga harus antre sejak subuh dan banyak yang pulang tanpa dilayani.',
      'Obat untuk penyakit kronis sering kosong sehingga warga lanjut usia harus membeli sendiri.',
      'Sudah ada beberapa warga terkena demam berdarah di lingkungan kami bulan ini.',
    ],
    answers: [
      'Dinas Kesehatan kami minta menjelaskan ketersediaan tenaga dan obat di puskesmas ini.',
      'Kami meminta puskesmas melakukan penyelidikan epidemiologi dan fogging bila diperlukan.',
    ],
    resolutions: [
      'Puskesmas menerapkan antrean daring dan menambah jam layanan sore.',
      'Fogging dan pemberantasan sarang nyamuk sudah dilakukan bersama kader.',
    ],
    agency: 'BPJS Kesehatan',
  },
  'bantuan-sosial': {
    titles: ['Warga lansia di {kel} belum terdaftar bantuan', 'Data penerima bansos di {kel} tidak tepat'],
    problems: [
      'Beberapa warga lanjut usia yang hidup sendiri belum pernah menerima bantuan sosial.',
      'Ada penerima bantuan yang sudah mampu, sementara keluarga yang membutuhkan tidak terdaftar.',
    ],
    answers: ['Dinas Sosial kami minta memverifikasi ulang data penerima di kelurahan ini.'],
    resolutions: ['Verifikasi ulang dilakukan dan lima keluarga diusulkan masuk data terpadu.'],
    agency: 'Kementerian Sosial',
  },
  ketenagakerjaan: {
    titles: ['Pelatihan kerja untuk pemuda {kel}', 'Pesangon pekerja pabrik di {kel} belum dibayar'],
    problems: [
      'Banyak pemuda lulusan SMA di lingkungan kami menganggur dan membutuhkan pelatihan keterampilan.',
      'Pekerja yang diberhentikan belum menerima pesangon sesuai perjanjian.',
    ],
    answers: ['Dinas Tenaga Kerja kami minta memfasilitasi pertemuan dengan pihak perusahaan.'],
    resolutions: ['Mediasi selesai; perusahaan membayar pesangon dalam dua tahap.'],
    agency: 'Kementerian Ketenagakerjaan',
  },
  kependudukan: {
    titles: ['Pembuatan KTP elektronik di {kel} lama', 'Layanan akta kelahiran di {kel}'],
    problems: [
      'Sudah dua bulan sejak perekaman, KTP elektronik belum juga dicetak.',
      'Warga kesulitan mengurus akta kelahiran karena harus bolak-balik ke kantor dinas.',
    ],
    answers: ['Disdukcapil kami minta menjelaskan ketersediaan blangko dan jadwal layanan keliling.'],
    resolutions: ['Layanan keliling Disdukcapil hadir di kelurahan dan KTP sudah dicetak.'],
    agency: 'Kementerian Dalam Negeri',
  },
  'ketertiban-umum': {
    titles: ['Balap liar setiap malam di {kel}', 'Reklame liar di {kel}', 'Penerangan jalan di {kel} padam'],
    problems: [
      'Setiap malam minggu ada balap liar yang membahayakan dan mengganggu istirahat warga.',
      'Banyak spanduk dan reklame dipasang di tiang listrik dan pohon tanpa izin.',
      'Lampu penerangan jalan padam sejak dua minggu sehingga warga takut keluar malam.',
    ],
    answers: ['Satpol PP dan camat kami minta melakukan patroli di lokasi.'],
    resolutions: [
      'Patroli gabungan dilakukan setiap akhir pekan dan balap liar berkurang.',
      'Lampu penerangan jalan sudah diganti.',
    ],
    agency: 'Kepolisian Resor setempat',
  },
  'pelayanan-publik': {
    titles: ['Layanan di kantor kelurahan {kel} lambat', 'Pungutan di luar ketentuan di {kel}'],
    problems: [
      'Pengurusan surat keterangan di kelurahan memakan waktu lebih dari seminggu.',
      'Warga diminta membayar biaya tambahan untuk surat pengantar yang seharusnya gratis.',
    ],
    answers: ['Kami meminta camat dan inspektorat memeriksa pelayanan di kelurahan ini.'],
    resolutions: ['Inspektorat sudah memeriksa dan standar pelayanan dipasang di kantor kelurahan.'],
    agency: 'Ombudsman Perwakilan Provinsi',
  },
};

const requests = [
  'Mohon segera ditindaklanjuti.',
  'Kami berharap dewan dapat mendorong perbaikannya tahun ini.',
  'Mohon dewan menyampaikan hal ini kepada dinas terkait.',
  'Terima kasih atas perhatiannya.',
];
const durations = ['sejak dua minggu lalu', 'sudah lebih dari sebulan', 'sejak awal musim hujan', 'sudah tiga bulan'];
const givenNames = ['Siti', 'Budi', 'Rina', 'Agus', 'Dewi', 'Hendra', 'Nur', 'Yusuf', 'Lestari', 'Rudi', 'Maya', 'Eko'];
const familyNames = ['Contoh', 'Demo', 'Ilustrasi', 'Fiktif', 'Percobaan'];
const rejections = [
  'Laporan ini tidak memuat lokasi dan uraian yang cukup untuk ditindaklanjuti. Silakan kirim kembali dengan keterangan lengkap.',
  'Isi laporan merupakan sengketa antarwarga yang bukan kewenangan DPRD; silakan menempuh musyawarah di kelurahan.',
];
const referrals = [
  'Hal ini menjadi kewenangan {agency}; laporan Anda sudah kami teruskan secara tertulis.',
  'Karena bukan kewenangan pemerintah kota, kami rujuk ke {agency} dengan tembusan kepada Anda.',
];
const ratingComments = [
  'Cepat ditangani, terima kasih.',
  'Sudah diperbaiki tetapi butuh waktu lama.',
  'Belum tuntas sepenuhnya.',
  null,
  'Terima kasih kepada anggota dewan yang datang meninjau.',
  null,
];
const streets = ['Jl. Melati', 'Jl. Mawar', 'Gang Kenanga', 'Jl. Flamboyan', 'Gang Cempaka', 'Jl. Anggrek'];
const followUpKinds = ['rapat', 'kunjungan', 'rdp', 'surat', 'pokir'] as const;
const offlineChannels: AspirationChannel[] = ['ruang_aspirasi', 'telepon', 'surat', 'reses', 'sms', 'whatsapp'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Event {
  kind: string;
  at: Date;
  body?: string | null;
  details?: object;
  isPublic?: boolean;
  byReporter?: boolean;
  memberId?: number | null;
}

export async function seedDemoAspirations(
  db: Db,
  councilId: number,
  sealer: Sealer,
  now = new Date(),
  count = 320,
): Promise<{ aspirations: number }> {
  const existing = await db
    .selectFrom('aspiration')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  if (existing !== undefined) return { aspirations: 0 };
  const council = await db.selectFrom('council').select('verify_days').where('id', '=', councilId).executeTakeFirst();
  const categories = await db
    .selectFrom('aspiration_category')
    .select(['id', 'slug', 'komisi_id', 'target_days'])
    .where('council_id', '=', councilId)
    .orderBy('sort_order')
    .execute();
  const { kecamatan, kelurahan } = await placesOf(db, councilId);
  const komisi = await db
    .selectFrom('body')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .where('kind', '=', 'komisi')
    .execute();
  const members = await db
    .selectFrom('member')
    .select(['id', 'dapil_id'])
    .where('council_id', '=', councilId)
    .where('active', '=', true)
    .execute();
  const dapil = await db.selectFrom('dapil').select(['id', 'number']).where('council_id', '=', councilId).execute();
  const holidays = new Set((await db.selectFrom('holiday').select('day').execute()).map((h) => h.day));
  if (council === undefined || categories.length === 0 || kecamatan.length === 0 || kelurahan.length === 0)
    return { aspirations: 0 };

  const next = random(20261130);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const fill = (text: string, kel: string) =>
    text
      .replaceAll('{kel}', kel)
      .replaceAll('{rw}', String(1 + Math.floor(next() * 15)).padStart(2, '0'))
      .replaceAll('{rt}', String(1 + Math.floor(next() * 12)).padStart(2, '0'));
  const later = (from: Date, minHours: number, maxHours: number) =>
    new Date(Math.min(now.getTime() - HOUR, from.getTime() + (minHours + next() * (maxHours - minHours)) * HOUR));

  // Oldest first, so tracking codes grow with time as they do in real use.
  const ages = Array.from({ length: count }, (_, i) => (i < 12 ? next() * 2.5 : 3 + next() * 300)).sort(
    (a, b) => b - a,
  );
  const made: { id: number; code: string; categoryId: number; status: AspirationStatus }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const [i, ageDays] of ages.entries()) {
      const kec = kecamatan[i % kecamatan.length] ?? kecamatan[0];
      const kels = kelurahan.filter((k) => k.kecamatan_id === kec?.id);
      const kel = pick(kels.length > 0 ? kels : kelurahan);
      const category = categories[(i * 7) % categories.length] ?? categories[0];
      if (kec === undefined || category === undefined) continue;
      const topic = topics[category.slug] ?? generic;
      const kind: AspirationKind =
        i % 23 === 0 ? 'rahasia' : i % 9 === 0 ? 'informasi' : next() < 0.5 ? 'pengaduan' : 'aspirasi';
      const channel: AspirationChannel = next() < 0.72 ? 'web' : pick(offlineChannels);
      const receivedAt = new Date(now.getTime() - ageDays * DAY);
      const receivedDay = jakartaDay(receivedAt);
      const year = Number(receivedDay.slice(0, 4));
      const sequence = await nextYearlyNumber(trx, 'aspiration', year);
      const code = `ASP-${year}-${String(sequence).padStart(6, '0')}`;

      // What happened to it depends on how long ago it came in.
      const roll = next();
      const status: AspirationStatus =
        ageDays < 3
          ? 'received'
          : ageDays < 10
            ? roll < 0.5
              ? 'verified'
              : 'forwarded'
            : roll < 0.46
              ? 'resolved'
              : roll < 0.66
                ? 'forwarded'
                : roll < 0.74
                  ? 'verified'
                  : roll < 0.83
                    ? 'referred'
                    : roll < 0.9
                      ? 'rejected'
                      : roll < 0.95 && made.length > 0
                        ? 'duplicate'
                        : roll < 0.98
                          ? 'resolved'
                          : 'received';
      const titleIndex = Math.floor(next() * topic.titles.length);
      const title = fill(topic.titles[titleIndex] ?? generic.titles[0] ?? '', kel.name);
      const problem = topic.problems[titleIndex % topic.problems.length] ?? '';
      const description = `${fill(problem, kel.name)} Keadaan ini terjadi ${pick(durations)}. ${pick(requests)}`;
      const events: Event[] = [{ kind: 'received', at: receivedAt, details: { channel } }];
      // "Other" has no komisi of its own: staff choose one when forwarding.
      const komisiId = category.komisi_id ?? (komisi.length > 0 ? pick(komisi).id : null);
      const komisiName = komisi.find((k) => k.id === komisiId)?.name ?? null;
      const dapilNumber = dapil.find((d) => d.id === kec.dapil_id)?.number ?? null;
      const local = members.filter((m) => m.dapil_id === kec.dapil_id);
      const member = local.length > 0 ? pick(local) : undefined;
      let at = receivedAt;
      let verifiedDay: string | null = null;
      let resolvedAt: Date | null = null;
      let duplicateOf: (typeof made)[number] | undefined;
      let rating: number | null = null;
      let ratingComment: string | null = null;
      let fixedAskedAt: Date | null = null;
      let fixedAnswer: boolean | null = null;

      if (status === 'rejected') {
        at = later(at, 4, 60);
        events.push({ kind: 'rejected', at, body: pick(rejections) });
      } else if (status === 'duplicate') {
        duplicateOf =
          made.filter((m) => m.categoryId === category.id && m.status !== 'duplicate').at(-1) ?? made.at(-1);
        at = later(at, 4, 48);
        events.push({ kind: 'duplicate', at, details: { code: duplicateOf?.code ?? null } });
      } else if (status !== 'received') {
        at = later(at, 3, 70);
        verifiedDay = jakartaDay(at);
        events.push({ kind: 'verified', at });
        if (status === 'referred') {
          at = later(at, 24, 120);
          events.push({
            kind: 'referred',
            at,
            body: pick(referrals).replace('{agency}', topic.agency),
            details: { agency: topic.agency },
          });
        } else if (status !== 'verified') {
          at = later(at, 6, 72);
          events.push({ kind: 'forwarded', at, details: { komisi: komisiName, dapil: dapilNumber } });
          if (next() < 0.25)
            events.push({ kind: 'note', at: later(at, 1, 24), body: 'Sudah dikonfirmasi ke lurah.', isPublic: false });
          const answered = status === 'resolved' || next() < 0.75;
          if (answered) {
            at = later(at, 24, 240);
            const byMember = member !== undefined && next() < 0.5;
            events.push({ kind: 'response', at, body: pick(topic.answers), memberId: byMember ? member.id : null });
            if (next() < 0.3) {
              at = later(at, 6, 72);
              events.push({
                kind: 'reply',
                at,
                body: 'Terima kasih, kami tunggu kabar selanjutnya.',
                byReporter: true,
              });
            }
          }
          if (answered && next() < 0.45) {
            at = later(at, 48, 400);
            const action = pick(followUpKinds);
            events.push({
              kind: 'followUp',
              at,
              body:
                action === 'kunjungan'
                  ? `Kunjungan lapangan ke Kelurahan ${kel.name} bersama dinas terkait.`
                  : action === 'pokir'
                    ? 'Usulan ini dicatat sebagai pokok-pokok pikiran DPRD untuk perencanaan tahun depan.'
                    : 'Dibahas dalam rapat kerja komisi dengan perangkat daerah.',
              details: { action },
            });
          }
          if (status === 'resolved') {
            at = later(at, 24, 600);
            resolvedAt = at;
            events.push({ kind: 'resolved', at, body: pick(topic.resolutions) });
            if (next() < 0.62) {
              rating = 2 + Math.floor(next() * 4);
              ratingComment = pick(ratingComments);
              at = later(at, 6, 120);
              events.push({ kind: 'rated', at, body: ratingComment, details: { rating }, byReporter: true });
            }
            if (now.getTime() - resolvedAt.getTime() > 28 * DAY) {
              fixedAskedAt = new Date(resolvedAt.getTime() + 28 * DAY);
              events.push({ kind: 'fixedAsked', at: fixedAskedAt });
              if (next() < 0.6) {
                fixedAnswer = next() < 0.8;
                events.push({
                  kind: 'fixed',
                  at: later(fixedAskedAt, 2, 96),
                  details: { answer: fixedAnswer ? 'ya' : 'tidak' },
                  byReporter: true,
                });
              }
            }
          }
        }
      }

      const showName = kind !== 'rahasia' && next() < 0.3;
      const number = i + 1;
      const name = `${pick(givenNames)} ${pick(familyNames)} (fiktif)`;
      const email = channel === 'web' ? `warga.demo.${number}@example.org` : null;
      const supporters = kind === 'rahasia' || status === 'rejected' ? 0 : Math.floor(next() ** 3 * 45);
      const point = kel.lat !== null && kel.lon !== null && next() < 0.7;
      const { id } = await trx
        .insertInto('aspiration')
        .values({
          council_id: councilId,
          code,
          kind,
          category_id: category.id,
          title,
          description,
          kecamatan_id: kec.id,
          kelurahan_id: kel.id,
          dapil_id: kec.dapil_id,
          address: next() < 0.5 ? fill(`${pick(streets)} RT {rt}/RW {rw}`, kel.name) : null,
          lat: point && kel.lat !== null ? kel.lat + (next() - 0.5) * 0.008 : null,
          lon: point && kel.lon !== null ? kel.lon + (next() - 0.5) * 0.008 : null,
          channel,
          status,
          show_name: showName,
          komisi_id: status === 'forwarded' || status === 'resolved' ? komisiId : null,
          duplicate_of_id: duplicateOf?.id ?? null,
          user_id: null,
          access_token_hash: newToken().hash,
          supporters,
          received_at: receivedAt,
          verify_due: addWorkingDays(receivedDay, council.verify_days, holidays),
          resolve_due: verifiedDay === null ? null : addWorkingDays(verifiedDay, category.target_days, holidays),
          resolved_at: resolvedAt,
          rating,
          rating_comment: ratingComment,
          fixed_asked_at: fixedAskedAt,
          fixed_answer: fixedAnswer,
          created_at: receivedAt,
          updated_at: events.at(-1)?.at ?? receivedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('aspiration_reporter')
        .values({
          aspiration_id: id,
          name_sealed: sealer.seal(name),
          email_sealed: email === null ? null : sealer.seal(email),
          email_lookup: email === null ? null : sealer.lookup(email),
          // The version of the consent text a reporter agrees to on the form (CONSENT_VERSION).
          consent_version: '2026-11-aspirasi',
          consent_at: receivedAt,
          created_at: receivedAt,
        })
        .execute();
      await trx
        .insertInto('aspiration_event')
        .values(
          events.map((e) => ({
            aspiration_id: id,
            kind: e.kind,
            public: e.isPublic ?? true,
            by_reporter: e.byReporter ?? false,
            actor_member_id: e.memberId ?? null,
            body: e.body ?? null,
            details: JSON.stringify(e.details ?? {}),
            created_at: e.at,
            updated_at: e.at,
          })),
        )
        .execute();
      if (supporters > 0)
        await trx
          .insertInto('aspiration_supporter')
          .values(Array.from({ length: supporters }, () => ({ aspiration_id: id, email_lookup: null })))
          .execute();
      made.push({ id, code, categoryId: category.id, status });
    }
  });
  return { aspirations: made.length };
}
