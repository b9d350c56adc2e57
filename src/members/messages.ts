/** The texts of the members feature: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'members.title': { id: 'Anggota DPRD', en: 'Council members' },
  'members.jobTitle': { id: 'Anggota DPRD', en: 'Member of the regional council' },
  'members.lead': {
    id: '{n} anggota DPRD: fraksi, komisi, daerah pemilihan dan kehadiran di rapat.',
    en: '{n} council members: their fraksi, komisi, electoral district and attendance at meetings.',
  },
  'members.filter': { id: 'Saring anggota', en: 'Filter members' },
  'members.dapil': { id: 'Dapil', en: 'District' },
  'members.fraksi': { id: 'Fraksi', en: 'Faction' },
  'members.komisi': { id: 'Komisi', en: 'Commission' },
  'members.all': { id: 'Semua', en: 'All' },
  'members.apply': { id: 'Tampilkan', en: 'Show' },
  'members.reset': { id: 'Hapus saringan', en: 'Clear filters' },
  'members.none': { id: 'Tidak ada anggota yang cocok dengan saringan ini.', en: 'No member matches these filters.' },
  'members.photoOf': { id: 'Foto {name} belum tersedia', en: 'No photo of {name} yet' },
  'members.party': { id: 'Partai', en: 'Party' },
  'members.positions': { id: 'Jabatan', en: 'Positions' },
  'members.noPositions': { id: 'Anggota', en: 'Member' },
  'members.represents': { id: 'Mewakili', en: 'Represents' },
  'members.dapilKecamatan': { id: 'Dapil {n}: Kecamatan {list}', en: 'District {n}: Kecamatan {list}' },
  'members.komisiField': { id: 'Bidang', en: 'Field' },
  'members.back': { id: 'Kembali ke daftar anggota', en: 'Back to the list of members' },
  'members.otherFromDapil': { id: 'Anggota lain dari dapil {n}', en: 'Other members from district {n}' },
  'members.attendance': { id: 'Kehadiran dalam rapat', en: 'Attendance at meetings' },
  'members.activity': { id: 'Kegiatan', en: 'Activity' },
  'members.activityYear': {
    id: 'Tahun {year}: {meetings} rapat dihadiri ({hearings} rapat dengar pendapat), {responses} tanggapan aspirasi, {visits} kunjungan reses, {news} berita.',
    en: 'In {year}: {meetings} meetings attended ({hearings} hearings), {responses} answers to aspirations, {visits} reses visits, {news} news posts.',
  },
  'members.statementOf': { id: 'Pernyataan anggota', en: 'The member’s statement' },
  'members.statements.title': { id: 'Pernyataan atas kegiatan', en: 'Statements on activities' },
  'members.statements.lead': {
    id: 'Tambahkan pernyataan singkat yang terbuka untuk publik pada kegiatan anggota. Kosongkan untuk menghapus.',
    en: 'Add a short public statement to a member’s activity. Leave it empty to remove it.',
  },
  'members.statements.choose': { id: 'Pilih anggota', en: 'Choose a member' },
  'members.statements.field': { id: 'Pernyataan untuk: {title}', en: 'Statement on: {title}' },
  'members.statements.save': { id: 'Simpan pernyataan', en: 'Save the statement' },
  'members.statements.saved': { id: 'Pernyataan disimpan.', en: 'The statement was saved.' },
  'members.statements.notMember': {
    id: 'Akun Anda belum terhubung dengan data anggota. Hubungi sekretariat.',
    en: 'Your account is not linked to a member yet. Contact the secretariat.',
  },
  'members.statements.problem.activity': {
    id: 'Kegiatan ini tidak ada di linimasa anggota.',
    en: 'This activity is not on the member’s timeline.',
  },
  'members.statements.problem.tooLong': {
    id: 'Pernyataan paling banyak 280 karakter.',
    en: 'A statement is at most 280 characters.',
  },
  'members.statements.problem.oneLine': {
    id: 'Tulis pernyataan dalam satu paragraf tanpa baris baru.',
    en: 'Write the statement as one paragraph with no line break.',
  },
  'members.activityNone': { id: 'Belum ada kegiatan yang tercatat.', en: 'No activity recorded yet.' },
  'members.activity.meeting': { id: 'Menghadiri rapat', en: 'Attended a meeting' },
  'members.activity.hearing': { id: 'Rapat dengar pendapat', en: 'Hearing' },
  'members.activity.response': { id: 'Menanggapi aspirasi', en: 'Answered an aspiration' },
  'members.activity.reses': { id: 'Kunjungan reses', en: 'Reses visit' },
  'members.activity.news': { id: 'Disebut dalam berita', en: 'Named in the news' },
  'members.reses': { id: 'Laporan reses', en: 'Recess (reses) reports' },
  'members.responses': { id: 'Tanggapan atas aspirasi warga', en: 'Answers to citizens’ aspirations' },
  'members.responsesNone': {
    id: 'Belum ada tanggapan yang diterbitkan atas nama anggota ini.',
    en: 'No answer has been published in this member’s name yet.',
  },
  'members.responsesCount': {
    id: '{n} tanggapan diterbitkan. Yang terbaru:',
    en: '{n} answers published. The latest:',
  },
  'members.attendanceNone': {
    id: 'Belum ada kehadiran rapat yang dicatat.',
    en: 'No meeting attendance has been recorded yet.',
  },
  'members.attendanceRate': {
    id: 'Hadir {rate}% ({present} dari {n} rapat yang kehadirannya dicatat). Rapat terakhir yang dihadiri:',
    en: 'Present at {rate}% ({present} of {n} meetings with recorded attendance). Latest meetings attended:',
  },
  'members.calendar': {
    id: 'Kalender rapat anggota ini (iCalendar)',
    en: "This member's meeting calendar (iCalendar)",
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
