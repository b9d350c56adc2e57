/**
 * Interface text in Bahasa Indonesia (the default) and English. Every English key must exist in
 * Indonesian and the other way round: the type of `en` is the type of `id`.
 */
import type { Language } from '../config.ts';

const id = {
  'site.skip': 'Langsung ke isi',
  'site.tagline': 'Layanan digital untuk warga',
  'site.menu': 'Menu utama',
  'site.language': 'Bahasa',
  'site.poweredBy': 'Dibangun dengan Dewan Terbuka, perangkat lunak sumber terbuka.',
  'site.contact': 'Kontak',
  'site.address': 'Alamat',
  'site.apiDocs': 'API data terbuka',
  'nav.home': 'Beranda',
  'nav.members': 'Anggota',
  'nav.dapil': 'Dapil saya',
  'home.title': 'Beranda',
  'home.lead':
    '{council} periode {period}: {seats} anggota dari {dapilCount} daerah pemilihan (dapil) dan {fraksiCount} fraksi.',
  'home.findDapil': 'Siapa wakil saya?',
  'home.findDapilLead': 'Pilih kelurahan tempat Anda tinggal untuk melihat dapil dan anggota DPRD yang mewakili Anda.',
  'home.komisi': 'Komisi dan bidangnya',
  'home.komisiLead':
    'Setiap komisi membidangi urusan tertentu. Aspirasi warga diteruskan ke komisi yang membidanginya.',
  'home.fraksi': 'Fraksi',
  'home.seats': '{n} kursi',
  'home.members': 'Lihat anggota',
  'home.takePart': 'Ikut serta',
  'home.takePartLead': 'Kenali wakil Anda di DPRD, lalu hubungi mereka melalui sekretariat dewan.',
  'members.title': 'Anggota DPRD',
  'members.filter': 'Saring anggota',
  'members.dapil': 'Dapil',
  'members.fraksi': 'Fraksi',
  'members.komisi': 'Komisi',
  'members.all': 'Semua',
  'members.apply': 'Tampilkan',
  'members.reset': 'Hapus saringan',
  'members.count': 'Menampilkan {shown} dari {total} anggota.',
  'members.none': 'Tidak ada anggota yang cocok dengan saringan ini.',
  'members.photoOf': 'Foto {name} belum tersedia',
  'members.party': 'Partai',
  'members.positions': 'Jabatan',
  'members.noPositions': 'Anggota',
  'members.represents': 'Mewakili',
  'members.dapilKecamatan': 'Dapil {n}: Kecamatan {list}',
  'members.komisiField': 'Bidang',
  'members.back': 'Kembali ke daftar anggota',
  'members.otherFromDapil': 'Anggota lain dari dapil {n}',
  'dapil.title': 'Dapil saya',
  'dapil.name': 'Dapil {n}',
  'dapil.lead':
    'Daerah pemilihan (dapil) adalah wilayah tempat anggota DPRD dipilih. Setiap dapil terdiri atas beberapa kecamatan.',
  'dapil.kelurahan': 'Kelurahan',
  'dapil.choose': 'Pilih kelurahan',
  'dapil.find': 'Cari dapil',
  'dapil.result': 'Kelurahan {kelurahan}, Kecamatan {kecamatan}, termasuk Dapil {n}.',
  'dapil.resultKecamatan': 'Kecamatan {kecamatan} termasuk Dapil {n}.',
  'dapil.seats': '{n} kursi',
  'dapil.kecamatanList': 'Kecamatan',
  'dapil.yourMembers': 'Anggota DPRD dari Dapil {n}',
  'dapil.all': 'Semua dapil',
  'dapil.notFound': 'Kelurahan yang dipilih tidak dikenal. Pilih dari daftar.',
  'error.notFound.title': 'Halaman tidak ditemukan',
  'error.notFound.body': 'Alamat yang Anda buka tidak ada atau sudah dipindahkan.',
  'error.server.title': 'Terjadi kesalahan',
  'error.server.body':
    'Maaf, ada kesalahan di sisi kami. Coba lagi sebentar lagi. Jika masalah berlanjut, sebutkan kode ini kepada sekretariat: {id}.',
  'error.badRequest.title': 'Permintaan tidak dapat diproses',
  'error.badRequest.body': 'Ada isian yang tidak sesuai: {detail}',
  'error.unavailable.title': 'Portal belum siap',
  'error.unavailable.body': 'Data dewan belum dimuat. Administrator perlu memuat data dewan terlebih dahulu.',
  'error.home': 'Kembali ke beranda',
  'error.field': 'isian "{field}" tidak valid',
  'api.title': 'Dokumentasi API',
  'api.lead': 'Data terbuka {council} dalam format JSON. Dokumen OpenAPI 3.1 lengkap tersedia di {link}.',
  'api.parameters': 'Parameter',
  'api.responses': 'Tanggapan',
  'api.name': 'Nama',
  'api.in': 'Letak',
  'api.type': 'Jenis',
  'api.required': 'Wajib',
  'api.description': 'Keterangan',
  'api.yes': 'ya',
  'api.no': 'tidak',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'site.skip': 'Skip to content',
  'site.tagline': 'Digital services for citizens',
  'site.menu': 'Main menu',
  'site.language': 'Language',
  'site.poweredBy': 'Built with Dewan Terbuka, open-source software.',
  'site.contact': 'Contact',
  'site.address': 'Address',
  'site.apiDocs': 'Open data API',
  'nav.home': 'Home',
  'nav.members': 'Members',
  'nav.dapil': 'My district',
  'home.title': 'Home',
  'home.lead':
    '{council}, term {period}: {seats} members from {dapilCount} electoral districts (dapil) and {fraksiCount} factions.',
  'home.findDapil': 'Who represents me?',
  'home.findDapilLead':
    'Choose the kelurahan where you live to see your electoral district and the council members who represent you.',
  'home.komisi': 'Commissions and their fields',
  'home.komisiLead':
    'Each commission oversees certain affairs. Citizens’ aspirations are forwarded to the commission in charge.',
  'home.fraksi': 'Factions',
  'home.seats': '{n} seats',
  'home.members': 'See the members',
  'home.takePart': 'Take part',
  'home.takePartLead': 'Get to know your representatives, then reach them through the council secretariat.',
  'members.title': 'Council members',
  'members.filter': 'Filter members',
  'members.dapil': 'District',
  'members.fraksi': 'Faction',
  'members.komisi': 'Commission',
  'members.all': 'All',
  'members.apply': 'Show',
  'members.reset': 'Clear filters',
  'members.count': 'Showing {shown} of {total} members.',
  'members.none': 'No member matches these filters.',
  'members.photoOf': 'No photo of {name} yet',
  'members.party': 'Party',
  'members.positions': 'Positions',
  'members.noPositions': 'Member',
  'members.represents': 'Represents',
  'members.dapilKecamatan': 'District {n}: Kecamatan {list}',
  'members.komisiField': 'Field',
  'members.back': 'Back to the list of members',
  'members.otherFromDapil': 'Other members from district {n}',
  'dapil.title': 'My district',
  'dapil.name': 'District {n}',
  'dapil.lead':
    'An electoral district (dapil) is the area in which council members are elected. Each district is made of several kecamatan.',
  'dapil.kelurahan': 'Kelurahan',
  'dapil.choose': 'Choose a kelurahan',
  'dapil.find': 'Find my district',
  'dapil.result': 'Kelurahan {kelurahan}, Kecamatan {kecamatan}, is in district {n}.',
  'dapil.resultKecamatan': 'Kecamatan {kecamatan} is in district {n}.',
  'dapil.seats': '{n} seats',
  'dapil.kecamatanList': 'Kecamatan',
  'dapil.yourMembers': 'Council members from district {n}',
  'dapil.all': 'All districts',
  'dapil.notFound': 'The chosen kelurahan is not known. Choose one from the list.',
  'error.notFound.title': 'Page not found',
  'error.notFound.body': 'The address you opened does not exist or has moved.',
  'error.server.title': 'Something went wrong',
  'error.server.body':
    'Sorry, something went wrong on our side. Please try again shortly. If it persists, give the secretariat this code: {id}.',
  'error.badRequest.title': 'The request cannot be processed',
  'error.badRequest.body': 'Something you entered is not right: {detail}',
  'error.unavailable.title': 'The portal is not ready',
  'error.unavailable.body': 'The council’s data has not been loaded yet. An administrator must load it first.',
  'error.home': 'Back to the home page',
  'error.field': 'the field "{field}" is not valid',
  'api.title': 'API documentation',
  'api.lead': 'Open data of {council} as JSON. The full OpenAPI 3.1 document is at {link}.',
  'api.parameters': 'Parameters',
  'api.responses': 'Responses',
  'api.name': 'Name',
  'api.in': 'In',
  'api.type': 'Type',
  'api.required': 'Required',
  'api.description': 'Description',
  'api.yes': 'yes',
  'api.no': 'no',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { id, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  const messages = catalogues[lang];
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params?.[name] === undefined ? whole : String(params[name]),
    );
}

export const languages: readonly Language[] = ['id', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}
