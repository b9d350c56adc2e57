/**
 * A demo register of public information (Daftar Informasi Publik): what a regional council
 * commonly holds in each of the law's four kinds, most of it already a page of this portal.
 * Officers and places are written for any council; the exemptions cite UU 14/2008 Pasal 17.
 */
import type { Db } from '../index.ts';
import type { PublicInformationCategory, PublicInformationForm } from '../schema.ts';

interface Entry {
  category: PublicInformationCategory;
  title: string;
  summary: string;
  officer: string;
  form: PublicInformationForm;
  retention: string;
  location: string;
  link: string | null;
  exemption?: string;
}

const sitting = 'Bagian Persidangan dan Perundang-undangan';
const publicRelations = 'Bagian Umum dan Hubungan Masyarakat';
const finance = 'Bagian Keuangan';
const portal = 'Portal ini dan ruang arsip Sekretariat DPRD';

const entries: Entry[] = [
  {
    category: 'berkala',
    title: 'Agenda rapat dan kegiatan DPRD',
    summary: 'Jadwal rapat paripurna, rapat komisi, rapat dengar pendapat dan kegiatan DPRD, dengan dokumennya.',
    officer: sitting,
    form: 'elektronik',
    retention: '5 tahun',
    location: portal,
    link: '/agenda',
  },
  {
    category: 'berkala',
    title: 'Peraturan daerah dan rancangan yang sedang dibahas',
    summary:
      'Peraturan daerah yang berlaku, diubah atau dicabut, serta rancangan peraturan daerah dan tahap pembahasannya.',
    officer: sitting,
    form: 'keduanya',
    retention: 'Permanen',
    location: portal,
    link: '/perda',
  },
  {
    category: 'berkala',
    title: 'Anggaran pendapatan dan belanja daerah (APBD) dan realisasinya',
    summary: 'APBD yang ditetapkan, perubahannya, dan realisasi belanja menurut urusan, perangkat daerah dan program.',
    officer: finance,
    form: 'keduanya',
    retention: '10 tahun',
    location: portal,
    link: '/anggaran',
  },
  {
    category: 'berkala',
    title: 'Profil anggota DPRD, fraksi, komisi dan daerah pemilihan',
    summary: 'Nama, fraksi, komisi, alat kelengkapan dan daerah pemilihan setiap anggota DPRD.',
    officer: publicRelations,
    form: 'elektronik',
    retention: 'Selama masa jabatan, lalu arsip permanen',
    location: portal,
    link: '/anggota',
  },
  {
    category: 'berkala',
    title: 'Laporan kinerja layanan aspirasi dan indeks kepuasan masyarakat',
    summary: 'Jumlah aspirasi yang diterima dan diselesaikan, ketepatan waktu, dan hasil survei kepuasan masyarakat.',
    officer: publicRelations,
    form: 'elektronik',
    retention: '5 tahun',
    location: portal,
    link: '/kinerja',
  },
  {
    category: 'serta_merta',
    title: 'Pemberitahuan perubahan jadwal rapat dan penutupan layanan',
    summary: 'Pengumuman segera bila rapat terbuka dipindah atau dibatalkan, atau layanan tatap muka ditutup.',
    officer: publicRelations,
    form: 'elektronik',
    retention: '1 tahun',
    location: 'Portal ini, halaman Agenda',
    link: '/agenda',
  },
  {
    category: 'setiap_saat',
    title: 'Risalah dan catatan rapat',
    summary: 'Risalah rapat paripurna dan catatan rapat komisi yang terbuka untuk umum.',
    officer: sitting,
    form: 'keduanya',
    retention: 'Permanen',
    location: 'Ruang arsip Sekretariat DPRD',
    link: '/agenda',
  },
  {
    category: 'setiap_saat',
    title: 'Laporan hasil reses anggota DPRD',
    summary: 'Tempat kunjungan, jumlah warga yang hadir, dan aspirasi yang dicatat anggota selama reses.',
    officer: sitting,
    form: 'keduanya',
    retention: '5 tahun',
    location: portal,
    link: '/reses',
  },
  {
    category: 'setiap_saat',
    title: 'Pokok-pokok pikiran DPRD (pokir)',
    summary: 'Usulan DPRD untuk rencana kerja pemerintah daerah, dengan asal aspirasinya dan tahapnya.',
    officer: sitting,
    form: 'elektronik',
    retention: '5 tahun',
    location: portal,
    link: '/pokir',
  },
  {
    category: 'setiap_saat',
    title: 'Keputusan pimpinan DPRD',
    summary: 'Keputusan pimpinan DPRD tentang alat kelengkapan, jadwal masa sidang dan penugasan anggota.',
    officer: sitting,
    form: 'cetak',
    retention: '10 tahun',
    location: 'Ruang arsip Sekretariat DPRD',
    link: null,
  },
  {
    category: 'dikecualikan',
    title: 'Data pribadi pelapor aspirasi dan pemohon informasi',
    summary:
      'Nama, alamat, nomor telepon, email dan nomor identitas orang yang menyampaikan aspirasi atau meminta informasi.',
    officer: publicRelations,
    form: 'elektronik',
    retention: 'Sesuai jadwal retensi data pribadi',
    location: 'Basis data portal, tersandi',
    link: null,
    exemption:
      'Pasal 17 huruf h: mengungkap rahasia pribadi. Bila dibuka, pelapor dapat dirugikan dan hak atas data pribadinya dilanggar (UU 27/2022).',
  },
  {
    category: 'dikecualikan',
    title: 'Dokumen penawaran pengadaan yang masih dievaluasi',
    summary: 'Penawaran penyedia barang dan jasa untuk Sekretariat DPRD selama evaluasi berlangsung.',
    officer: finance,
    form: 'keduanya',
    retention: '5 tahun',
    location: 'Ruang arsip Bagian Keuangan',
    link: null,
    exemption:
      'Pasal 17 huruf b: dapat menimbulkan persaingan usaha tidak sehat. Hasil pengadaan diumumkan setelah evaluasi selesai.',
  },
];

export async function seedDemoPublicInformation(db: Db, councilId: number): Promise<{ entries: number }> {
  const existing = await db
    .selectFrom('public_information')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .execute();
  if (existing.length > 0) return { entries: 0 };
  await db
    .insertInto('public_information')
    .values(entries.map((e) => ({ ...e, exemption: e.exemption ?? null, council_id: councilId })))
    .execute();
  return { entries: entries.length };
}
