/**
 * The words of a regional parliament explained in plain language, Indonesian and English side by
 * side. National terms only (the law and the practice of every DPRD): nothing here names one
 * council. Sentences are short; each explanation says what the thing is and why a citizen meets it.
 * Sources for the rules cited: PP 12/2018 (DPRD standing orders), Permendagri 86/2017 (planning),
 * Permendagri 80/2015 (regional regulations), UU 14/2008 (public information), PermenPAN-RB 14/2017 (IKM).
 */

export interface Term {
  /** The anchor on /istilah: `/istilah#reses`. */
  slug: string;
  /** The word as people meet it. */
  term: string;
  /** What the abbreviation stands for, when it is one. */
  expansion?: string;
  meaning: { id: string; en: string };
  /** Where on the portal to see it at work. */
  where?: string;
  /** Related terms, by slug. */
  seeAlso?: readonly string[];
}

export const terms = [
  {
    slug: 'dprd',
    term: 'DPRD',
    expansion: 'Dewan Perwakilan Rakyat Daerah',
    meaning: {
      id: 'Dewan yang mewakili warga di provinsi, kabupaten atau kota. Anggotanya dipilih dalam pemilu. DPRD membuat peraturan daerah bersama kepala daerah, menyetujui anggaran daerah, dan mengawasi pemerintah daerah.',
      en: 'The council that represents the people of a province, regency or city. Its members are elected. It makes regional regulations with the head of the region, approves the regional budget and oversees the regional government.',
    },
    where: '/anggota',
    seeAlso: ['dapil', 'fraksi', 'komisi'],
  },
  {
    slug: 'dapil',
    term: 'Dapil',
    expansion: 'Daerah pemilihan',
    meaning: {
      id: 'Wilayah tempat anggota DPRD dipilih. Satu dapil terdiri dari beberapa kecamatan. Anggota dari dapil Anda adalah wakil Anda.',
      en: 'The electoral district a council member is elected in. A dapil is made of several kecamatan (districts). The members elected in your dapil are your representatives.',
    },
    where: '/dapil',
    seeAlso: ['reses'],
  },
  {
    slug: 'fraksi',
    term: 'Fraksi',
    meaning: {
      id: 'Kelompok anggota DPRD dari satu partai, atau gabungan beberapa partai. Setiap anggota wajib masuk satu fraksi.',
      en: 'A group of council members from one party, or from several parties together. Every member belongs to one fraksi.',
    },
    where: '/anggota',
  },
  {
    slug: 'komisi',
    term: 'Komisi',
    meaning: {
      id: 'Kelompok kerja DPRD untuk satu bidang, misalnya pemerintahan, pembangunan, ekonomi atau kesejahteraan rakyat. Aspirasi Anda diteruskan ke komisi yang membidanginya.',
      en: 'A council committee for one field, such as government, infrastructure, the economy or welfare. Your aspiration is sent to the komisi in charge of its field.',
    },
    where: '/anggota',
    seeAlso: ['aspirasi', 'akd'],
  },
  {
    slug: 'akd',
    term: 'AKD',
    expansion: 'Alat kelengkapan DPRD',
    meaning: {
      id: 'Badan-badan di dalam DPRD yang membagi pekerjaannya: pimpinan, Bamus, komisi, Bapemperda, Banggar, Badan Kehormatan, dan panitia khusus.',
      en: 'The bodies inside the council that share out its work: the leadership, Bamus, the komisi, Bapemperda, Banggar, the ethics council and special committees.',
    },
    seeAlso: ['bamus', 'banggar', 'bapemperda', 'bk', 'pansus'],
  },
  {
    slug: 'bamus',
    term: 'Bamus',
    expansion: 'Badan Musyawarah',
    meaning: {
      id: 'Badan yang menyusun jadwal kegiatan DPRD: kapan rapat, reses dan pembahasan dilakukan. Rapatnya tertutup.',
      en: 'The body that sets the council’s timetable: when it meets, holds recess and debates. Its meetings are closed.',
    },
    where: '/agenda',
  },
  {
    slug: 'banggar',
    term: 'Banggar',
    expansion: 'Badan Anggaran',
    meaning: {
      id: 'Badan DPRD yang membahas rancangan anggaran daerah (APBD) bersama pemerintah daerah sebelum disetujui dalam rapat paripurna.',
      en: 'The council body that debates the draft regional budget (APBD) with the regional government before the plenary approves it.',
    },
    where: '/anggaran',
    seeAlso: ['apbd'],
  },
  {
    slug: 'bapemperda',
    term: 'Bapemperda',
    expansion: 'Badan Pembentukan Peraturan Daerah',
    meaning: {
      id: 'Badan DPRD yang menyusun daftar rancangan peraturan daerah setiap tahun (Propemperda) dan menyiapkan rancangan dari DPRD.',
      en: 'The council body that draws up each year’s list of draft regulations (Propemperda) and prepares the council’s own drafts.',
    },
    where: '/raperda',
    seeAlso: ['propemperda', 'raperda'],
  },
  {
    slug: 'bk',
    term: 'BK',
    expansion: 'Badan Kehormatan',
    meaning: {
      id: 'Badan yang menjaga kode etik anggota DPRD. Warga dapat mengadukan anggota yang melanggar etika.',
      en: 'The body that upholds the members’ code of ethics. Citizens may complain to it about a member’s conduct.',
    },
  },
  {
    slug: 'pansus',
    term: 'Pansus',
    expansion: 'Panitia khusus',
    meaning: {
      id: 'Panitia sementara untuk satu tugas, misalnya membahas satu rancangan peraturan daerah. Dibubarkan setelah tugasnya selesai.',
      en: 'A temporary committee for one task, such as debating one draft regulation. It ends when the task is done.',
    },
    where: '/agenda',
  },
  {
    slug: 'paripurna',
    term: 'Rapat paripurna',
    meaning: {
      id: 'Rapat seluruh anggota DPRD. Di sinilah keputusan resmi diambil, misalnya menyetujui peraturan daerah atau anggaran. Rapat ini terbuka untuk umum.',
      en: 'The plenary: a meeting of all council members, where formal decisions are taken, such as approving a regulation or the budget. It is open to the public.',
    },
    where: '/agenda',
  },
  {
    slug: 'rdp',
    term: 'RDP / RDPU',
    expansion: 'Rapat Dengar Pendapat / Rapat Dengar Pendapat Umum',
    meaning: {
      id: 'RDP: rapat komisi dengan pejabat pemerintah daerah. RDPU: rapat untuk mendengar pendapat warga, organisasi atau ahli. RDPU terbuka untuk umum.',
      en: 'RDP: a hearing of a komisi with officials of the regional government. RDPU: a public hearing where citizens, organisations or experts give their views. An RDPU is open to the public.',
    },
    where: '/siaran',
  },
  {
    slug: 'raker',
    term: 'Raker',
    expansion: 'Rapat kerja',
    meaning: {
      id: 'Rapat DPRD atau komisinya dengan kepala daerah atau kepala dinas untuk membahas pekerjaan pemerintah daerah.',
      en: 'A working meeting of the council or a komisi with the head of the region or an agency head about the government’s work.',
    },
    where: '/agenda',
  },
  {
    slug: 'reses',
    term: 'Reses',
    meaning: {
      id: 'Masa ketika anggota DPRD pulang ke dapilnya untuk bertemu warga dan mendengar aspirasi. Reses dilakukan tiga kali setahun. Setiap anggota wajib melaporkan hasilnya.',
      en: 'Recess: the days when members go back to their dapil to meet citizens and hear their aspirations, three times a year. Each member must report what they heard.',
    },
    where: '/reses',
    seeAlso: ['dapil', 'pokir'],
  },
  {
    slug: 'pokir',
    term: 'Pokir',
    expansion: 'Pokok-pokok pikiran DPRD',
    meaning: {
      id: 'Usulan DPRD untuk rencana kerja pemerintah daerah tahun berikutnya (RKPD). Pokir disusun dari aspirasi warga, misalnya hasil reses.',
      en: 'The council’s proposals for next year’s regional work plan (RKPD), drawn from citizens’ aspirations, for example those heard in recess.',
    },
    where: '/pokir',
    seeAlso: ['reses', 'rkpd', 'musrenbang'],
  },
  {
    slug: 'musrenbang',
    term: 'Musrenbang',
    expansion: 'Musyawarah perencanaan pembangunan',
    meaning: {
      id: 'Pertemuan warga dan pemerintah untuk mengusulkan pembangunan, dari kelurahan, kecamatan, sampai tingkat kota atau kabupaten.',
      en: 'Development planning meetings of citizens and government, from the kelurahan and kecamatan up to the whole city or regency.',
    },
    seeAlso: ['rkpd', 'pokir'],
  },
  {
    slug: 'rkpd',
    term: 'RKPD',
    expansion: 'Rencana Kerja Pemerintah Daerah',
    meaning: {
      id: 'Rencana kerja pemerintah daerah untuk satu tahun. Isinya menjadi dasar anggaran (APBD) tahun itu.',
      en: 'The regional government’s work plan for one year. It is the basis of that year’s budget (APBD).',
    },
    seeAlso: ['rpjmd', 'apbd', 'pokir'],
  },
  {
    slug: 'rpjmd',
    term: 'RPJMD',
    expansion: 'Rencana Pembangunan Jangka Menengah Daerah',
    meaning: {
      id: 'Rencana pembangunan daerah untuk lima tahun, sesuai masa jabatan kepala daerah. Warga dapat memberi masukan saat rancangannya dikonsultasikan.',
      en: 'The region’s five-year development plan, for the head of the region’s term. Citizens can comment when its draft is put to consultation.',
    },
    where: '/konsultasi',
    seeAlso: ['rkpd'],
  },
  {
    slug: 'apbd',
    term: 'APBD',
    expansion: 'Anggaran Pendapatan dan Belanja Daerah',
    meaning: {
      id: 'Anggaran daerah untuk satu tahun: uang yang diterima (pendapatan), yang dibelanjakan (belanja), dan pembiayaan. Ditetapkan dengan peraturan daerah setelah disetujui DPRD.',
      en: 'The region’s budget for one year: money received (revenue), money spent (spending) and financing. It is set by a regional regulation after the council approves it.',
    },
    where: '/anggaran',
    seeAlso: ['pad', 'realisasi', 'banggar'],
  },
  {
    slug: 'pad',
    term: 'PAD',
    expansion: 'Pendapatan Asli Daerah',
    meaning: {
      id: 'Pendapatan yang dipungut daerah sendiri, misalnya pajak daerah dan retribusi. Bagian lain pendapatan berasal dari transfer pemerintah pusat.',
      en: 'Revenue the region raises itself, such as regional taxes and charges. The rest of its revenue comes as transfers from the central government.',
    },
    where: '/anggaran',
  },
  {
    slug: 'realisasi',
    term: 'Realisasi',
    meaning: {
      id: 'Jumlah yang sudah benar-benar diterima atau dibelanjakan, dibandingkan dengan yang direncanakan dalam anggaran.',
      en: 'What was actually received or spent, compared with what the budget planned.',
    },
    where: '/anggaran',
  },
  {
    slug: 'opd',
    term: 'OPD / SKPD',
    expansion: 'Organisasi Perangkat Daerah / Satuan Kerja Perangkat Daerah',
    meaning: {
      id: 'Dinas, badan atau kantor pemerintah daerah yang menjalankan program, misalnya dinas pekerjaan umum atau dinas kesehatan.',
      en: 'The regional government’s agencies that carry out programmes, such as the public works or health agency.',
    },
    where: '/proyek',
  },
  {
    slug: 'perda',
    term: 'Perda',
    expansion: 'Peraturan daerah',
    meaning: {
      id: 'Peraturan yang dibuat DPRD bersama kepala daerah dan berlaku di daerah itu, misalnya tentang pajak daerah atau tata ruang.',
      en: 'A regional regulation, made by the council together with the head of the region and binding in the region, for example on regional taxes or land use.',
    },
    where: '/perda',
    seeAlso: ['raperda'],
  },
  {
    slug: 'raperda',
    term: 'Raperda',
    expansion: 'Rancangan peraturan daerah',
    meaning: {
      id: 'Rancangan perda yang masih dibahas. Tahapnya: perencanaan, penyusunan, pembahasan, penetapan, dan pengundangan. Warga dapat memberi masukan selama pembahasan.',
      en: 'A draft regional regulation still under debate. Its stages: planning, drafting, debate, enactment and promulgation. Citizens can comment while it is debated.',
    },
    where: '/raperda',
    seeAlso: ['propemperda', 'naskah-akademik', 'pengundangan'],
  },
  {
    slug: 'propemperda',
    term: 'Propemperda',
    expansion: 'Program Pembentukan Peraturan Daerah',
    meaning: {
      id: 'Daftar rancangan perda yang direncanakan dibahas dalam satu tahun.',
      en: 'The list of draft regional regulations planned for debate in one year.',
    },
    where: '/raperda',
  },
  {
    slug: 'naskah-akademik',
    term: 'Naskah akademik',
    meaning: {
      id: 'Kajian yang menjelaskan mengapa sebuah raperda diperlukan dan apa isinya. Biasanya disertakan bersama rancangan.',
      en: 'The study explaining why a draft regulation is needed and what it should contain, usually published with the draft.',
    },
    where: '/raperda',
  },
  {
    slug: 'pengundangan',
    term: 'Pengundangan',
    meaning: {
      id: 'Langkah terakhir sebuah perda: dicatat dalam lembaran daerah dengan nomor, lalu berlaku bagi semua orang.',
      en: 'Promulgation: the last step of a regulation, entered in the regional gazette with a number, after which it binds everyone.',
    },
    where: '/perda',
  },
  {
    slug: 'aspirasi',
    term: 'Aspirasi',
    meaning: {
      id: 'Usulan, saran, keluhan atau pertanyaan warga kepada DPRD. Setiap aspirasi mendapat kode pelacakan agar Anda bisa mengikuti penanganannya.',
      en: 'A citizen’s proposal, suggestion, complaint or question to the council. Each one gets a tracking code so you can follow how it is handled.',
    },
    where: '/aspirasi/baru',
    seeAlso: ['pengaduan', 'komisi'],
  },
  {
    slug: 'pengaduan',
    term: 'Pengaduan',
    meaning: {
      id: 'Laporan bahwa ada layanan atau fasilitas yang tidak berjalan semestinya, misalnya jalan rusak. Pengaduan ditangani dengan batas waktu hari kerja.',
      en: 'A complaint that a service or facility is not working as it should, such as a damaged road. Complaints are handled within a deadline in working days.',
    },
    where: '/aspirasi/baru',
    seeAlso: ['aspirasi', 'hari-kerja'],
  },
  {
    slug: 'hari-kerja',
    term: 'Hari kerja',
    meaning: {
      id: 'Senin sampai Jumat, kecuali hari libur nasional dan cuti bersama. Batas waktu penanganan dihitung dalam hari kerja.',
      en: 'Working day: Monday to Friday, except national holidays and collective leave days. Handling deadlines are counted in working days.',
    },
  },
  {
    slug: 'ruang-aspirasi',
    term: 'Ruang aspirasi',
    meaning: {
      id: 'Ruang di kantor DPRD tempat warga bertemu anggota atau staf secara langsung. Anda dapat membuat janji temu lebih dulu.',
      en: 'The room at the council’s offices where citizens meet members or staff in person. You can book an appointment first.',
    },
    where: '/janji-temu',
  },
  {
    slug: 'setwan',
    term: 'Setwan',
    expansion: 'Sekretariat DPRD',
    meaning: {
      id: 'Kantor pegawai yang melayani DPRD: menyiapkan rapat, mencatat risalah, dan menerima serta meneruskan aspirasi warga.',
      en: 'The council’s secretariat: the staff who prepare meetings, keep the minutes and receive and forward citizens’ aspirations.',
    },
  },
  {
    slug: 'risalah',
    term: 'Risalah',
    meaning: {
      id: 'Catatan resmi jalannya rapat: siapa hadir, apa yang dibahas, dan apa yang diputuskan.',
      en: 'Minutes: the official record of a meeting — who attended, what was discussed and what was decided.',
    },
    where: '/agenda',
  },
  {
    slug: 'ppid',
    term: 'PPID',
    expansion: 'Pejabat Pengelola Informasi dan Dokumentasi',
    meaning: {
      id: 'Pejabat yang melayani permintaan informasi publik. Permintaan dijawab paling lambat 10 hari kerja, dapat diperpanjang 7 hari kerja dengan alasan.',
      en: 'The officer who answers requests for public information: within 10 working days, extendable once by 7 working days with a reason.',
    },
    seeAlso: ['hari-kerja'],
  },
  {
    slug: 'ikm',
    term: 'IKM',
    expansion: 'Indeks Kepuasan Masyarakat',
    meaning: {
      id: 'Angka 25 sampai 100 yang menunjukkan kepuasan warga terhadap layanan, dihitung dari survei sembilan unsur pelayanan.',
      en: 'Public satisfaction index: a figure from 25 to 100 showing how satisfied citizens are with a service, computed from a survey of nine aspects of the service.',
    },
  },
] as const satisfies readonly Term[];

/** The anchor of a term that exists: a link to a missing entry does not type-check. */
export type TermSlug = (typeof terms)[number]['slug'];
