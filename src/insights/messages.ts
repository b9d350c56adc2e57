/** The texts of /kelola/wawasan: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'insights.title': { id: 'Wawasan aspirasi', en: 'Insights into aspirations' },
  'insights.suggestions': { id: 'Saran kategori', en: 'Category suggestions' },
  'insights.spikes': { id: 'Lonjakan tujuh hari terakhir', en: 'Spikes of the last seven days' },
  'insights.spikesRule': {
    id: 'Per kategori dan kecamatan, tujuh hari terakhir dibandingkan dengan rata-rata delapan minggu sebelumnya (uji Poisson). Lonjakan: peluangnya di bawah {p} dan sedikitnya {n} aspirasi.',
    en: 'Per category and kecamatan, the last seven days against the mean of the eight weeks before (a Poisson test). A spike: its chance is below {p} and it holds at least {n} aspirations.',
  },
  'insights.noSpikes': { id: 'Tidak ada lonjakan.', en: 'No spike.' },
  'insights.kecamatan': { id: 'Kecamatan', en: 'Kecamatan' },
  'insights.week': { id: 'Tujuh hari terakhir', en: 'Last seven days' },
  'insights.before': { id: 'Rata-rata per minggu sebelumnya', en: 'Mean per week before' },
  'insights.chance': { id: 'Peluang bila tidak ada perubahan', en: 'Chance if nothing changed' },
  'insights.below': { id: 'di bawah {n}', en: 'below {n}' },
  'insights.lead': {
    id: 'Sistem belajar dari aspirasi yang sudah diperiksa petugas. Petugas memutuskan setiap saran, kecuali kategori yang diizinkan administrator (lihat Kategori otomatis).',
    en: 'The system learns from aspirations officers have checked. Officers decide on every suggestion, except in categories the administrator allowed (see Automatic categories).',
  },
  'insights.none': {
    id: 'Belum ada model. Sistem perlu sedikitnya {n} aspirasi yang sudah diperiksa petugas.',
    en: 'No model yet. The system needs at least {n} aspirations checked by officers.',
  },
  'insights.inUse': { id: 'Model yang dipakai', en: 'The model in use' },
  'insights.kind': { id: 'Jenis model', en: 'Kind of model' },
  'insights.kind.naive-bayes': { id: 'Naive Bayes multinomial', en: 'Multinomial naive Bayes' },
  'insights.kind.logistic': { id: 'Regresi logistik', en: 'Logistic regression' },
  'insights.trainedAt': { id: 'Dilatih pada', en: 'Trained on' },
  'insights.trainedOn': { id: 'Belajar dari', en: 'Learnt from' },
  'insights.aspirations': { id: '{n} aspirasi', en: '{n} aspirations' },
  'insights.testedOn': { id: 'Diuji pada', en: 'Tested on' },
  'insights.testedOnValue': {
    id: '{n} aspirasi terbaru, diterima sejak {date}',
    en: 'the {n} newest aspirations, received since {date}',
  },
  'insights.accuracy': { id: 'Ketepatan', en: 'Accuracy' },
  'insights.macroF1': { id: 'Rata-rata F1 per kategori', en: 'Macro-F1' },
  'insights.baseline': {
    id: 'Ketepatan bila selalu menebak kategori terbanyak',
    en: 'Accuracy of always guessing the most frequent category',
  },
  'insights.threshold': {
    id: 'Saran ditampilkan bila ketepatan paling sedikit',
    en: 'Suggestions shown from an accuracy of',
  },
  'insights.shown': { id: 'Saran ditampilkan kepada petugas.', en: 'Suggestions are shown to officers.' },
  'insights.hidden': {
    id: 'Saran tidak ditampilkan: ketepatan di bawah batas yang ditetapkan administrator.',
    en: 'Suggestions are not shown: accuracy is below the threshold the administrator set.',
  },
  'insights.trainingTime': { id: 'Lama pelatihan', en: 'Training time' },
  'insights.seconds': { id: '{n} detik', en: '{n} seconds' },
  'insights.compared': {
    id: 'Dua model dibandingkan pada data uji yang sama',
    en: 'Two models compared on the same test data',
  },
  'insights.model': { id: 'Model', en: 'Model' },
  'insights.chosen': { id: '{name} (dipakai)', en: '{name} (in use)' },
  'insights.perCategory': { id: 'Per kategori', en: 'Per category' },
  'insights.category': { id: 'Kategori', en: 'Category' },
  'insights.precision': { id: 'Presisi', en: 'Precision' },
  'insights.recall': { id: 'Cakupan (recall)', en: 'Recall' },
  'insights.f1': { id: 'F1', en: 'F1' },
  'insights.support': { id: 'Aspirasi uji', en: 'Test aspirations' },
  'insights.confusion': {
    id: 'Matriks kekeliruan: baris kategori sebenarnya, kolom kategori tebakan',
    en: 'Confusion matrix: rows the actual category, columns the guessed one',
  },
  'insights.actual': { id: 'Sebenarnya', en: 'Actual' },
  'insights.outcomes': { id: 'Keputusan petugas atas saran', en: "Officers' decisions on suggestions" },
  'insights.accepted': { id: 'Diterima', en: 'Taken' },
  'insights.corrected': { id: 'Diganti kategori lain', en: 'Another category chosen' },
  'insights.applied': { id: 'Diterapkan otomatis oleh sistem', en: 'Applied automatically by the system' },
  'insights.open': { id: 'Belum diputuskan', en: 'Not decided yet' },
  'insights.learning': {
    id: 'Setiap kategori yang diganti petugas dipelajari pada pelatihan berikutnya, paling lambat sepuluh menit kemudian.',
    en: 'Every category an officer changes is learnt at the next training, within ten minutes.',
  },
  'insights.words': { id: 'Kata yang sedang naik', en: 'Words on the rise' },
  'insights.wordsLead': {
    id: 'Kata dasar dari judul dan isi aspirasi, dihitung per aspirasi. Ujinya sama dengan lonjakan di atas.',
    en: 'Word stems from the titles and texts of aspirations, counted once per aspiration. The test is the same as for the spikes above.',
  },
  'insights.noWords': { id: 'Tidak ada kata yang naik tajam minggu ini.', en: 'No word rose sharply this week.' },
  'insights.word': { id: 'Kata dasar', en: 'Word stem' },
  'insights.map': {
    id: 'Aspirasi per kelurahan, {days} hari terakhir',
    en: 'Aspirations per kelurahan, the last {days} days',
  },
  'insights.mapLead': {
    id: 'Luas lingkaran sebanding dengan jumlah aspirasi. Lingkaran ada di titik tengah kelurahan, karena batas wilayahnya belum tersedia. Titik abu-abu: belum ada aspirasi.',
    en: 'Each circle’s area is in proportion to the number of aspirations. Circles sit at the kelurahan’s centre point, as its boundary is not available yet. Grey dots: no aspirations yet.',
  },
  'insights.mapNone': {
    id: 'Belum ada aspirasi dengan kelurahan pada periode ini.',
    en: 'No aspirations with a kelurahan in this period.',
  },
  'insights.mapTable': { id: 'Jumlah aspirasi per kelurahan', en: 'Aspirations per kelurahan' },
  'insights.kelurahan': { id: 'Kelurahan', en: 'Kelurahan' },
  'insights.count': { id: 'Aspirasi', en: 'Aspirations' },
  'insights.auto.title': { id: 'Kategori otomatis', en: 'Automatic categories' },
  'insights.auto.lead': {
    id: 'Biasanya petugas memutuskan setiap saran. Administrator dapat mengizinkan sistem menerapkan saran untuk kategori tertentu. Syaratnya: presisi kategori pada aspirasi uji mencapai batas, dari sedikitnya {n} tebakan. Petugas tetap dapat mengganti kategorinya.',
    en: 'Officers normally decide on every suggestion. An administrator may let the system apply suggestions for chosen categories. The category needs a precision on the test aspirations at the level, from at least {n} guesses. Officers can still change the category.',
  },
  'insights.auto.table': { id: 'Keadaan per kategori', en: 'Status per category' },
  'insights.auto.status': { id: 'Keadaan', en: 'Status' },
  'insights.auto.applied': { id: 'Diterapkan otomatis', en: 'Applied automatically' },
  'insights.auto.off': { id: 'Diputuskan petugas', en: 'Decided by officers' },
  'insights.auto.fewGuesses': {
    id: 'Diizinkan, tetapi tebakan kurang dari {n}: diputuskan petugas',
    en: 'Allowed, but fewer than {n} guesses: decided by officers',
  },
  'insights.auto.imprecise': {
    id: 'Diizinkan, tetapi presisi di bawah batas: diputuskan petugas',
    en: 'Allowed, but precision below the level: decided by officers',
  },
  'insights.auto.noGuess': { id: 'Belum pernah ditebak', en: 'Never guessed yet' },
  'insights.auto.measured': { id: '{p} dari {n} tebakan', en: '{p} of {n} guesses' },
  'insights.auto.level': { id: 'Presisi paling sedikit (persen)', en: 'Least precision (per cent)' },
  'insights.auto.levelHint': {
    id: 'Bilangan bulat dari 50 sampai 100. Presisi: bagian tebakan kategori ini yang benar.',
    en: 'A whole number from 50 to 100. Precision: the share of guesses of this category that were right.',
  },
  'insights.auto.categories': {
    id: 'Kategori yang boleh diterapkan otomatis',
    en: 'Categories that may be applied automatically',
  },
  'insights.auto.categoriesHint': {
    id: 'Tanpa pilihan, semua saran diputuskan petugas.',
    en: 'With none chosen, officers decide on every suggestion.',
  },
  'insights.auto.save': { id: 'Simpan kategori otomatis', en: 'Save automatic categories' },
  'insights.auto.saved': { id: 'Pengaturan kategori otomatis tersimpan.', en: 'Automatic categories saved.' },
  'insights.auto.problem.level': {
    id: 'Isi presisi sebagai bilangan bulat dari 50 sampai 100.',
    en: 'Enter the precision as a whole number from 50 to 100.',
  },
  'insights.auto.problem.categories': {
    id: 'Pilih kategori dari daftar.',
    en: 'Choose categories from the list.',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
