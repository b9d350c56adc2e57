/** The texts of virtual hearings: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'hearing.title': { id: 'Rapat daring', en: 'Online hearings' },
  'hearing.lead': {
    id: 'Rapat terbuka DPRD yang disiarkan langsung. Tonton siarannya, ajukan pertanyaan sebelum atau selama rapat, dukung pertanyaan warga lain, dan baca jawabannya.',
    en: 'Open council meetings streamed live. Watch, ask a question before or during the meeting, support other people’s questions, and read the answers.',
  },
  'hearing.coming': { id: 'Akan datang', en: 'Coming up' },
  'hearing.held': { id: 'Sudah berlangsung', en: 'Held' },
  'hearing.noneComing': { id: 'Belum ada rapat daring yang dijadwalkan.', en: 'No online hearing is scheduled.' },
  'hearing.noneHeld': { id: 'Belum ada rapat daring yang selesai.', en: 'No online hearing has been held yet.' },
  'hearing.counts': {
    id: '{questions} pertanyaan, {answered} terjawab',
    en: '{questions} questions, {answered} answered',
  },
  'hearing.meetingPage': { id: 'Di agenda', en: 'In the agenda' },
  'hearing.agendaLink': { id: 'Acara dan dokumen rapat', en: 'The meeting’s agenda and documents' },
  'hearing.minutesLink': { id: 'Risalah, keputusan dan dokumen rapat', en: 'Minutes, decisions and documents' },
  'hearing.noStream': {
    id: 'Tautan siaran belum tersedia. Halaman ini akan menampilkannya begitu diumumkan.',
    en: 'The stream’s link is not available yet. This page will show it as soon as it is announced.',
  },
  'hearing.watchLive': { id: 'Tonton siaran langsung', en: 'Watch the livestream' },
  'hearing.watchRecording': { id: 'Tonton rekamannya', en: 'Watch the recording' },
  'hearing.embedHint': {
    id: 'Pemutar video dimuat dari situs video hanya setelah Anda menekan tombol ini.',
    en: 'The video player is loaded from the video site only when you press this button.',
  },
  'hearing.playHere': { id: 'Putar di halaman ini', en: 'Play on this page' },
  'hearing.playerTitle': { id: 'Siaran rapat', en: 'The meeting’s stream' },
  'hearing.refresh': { id: 'Muat ulang pertanyaan', en: 'Reload the questions' },
  'hearing.openQuestions': { id: 'Pertanyaan warga', en: 'Citizens’ questions' },
  'hearing.settledQuestions': { id: 'Sudah dijawab atau ditindaklanjuti', en: 'Answered or taken further' },
  'hearing.noOpen': { id: 'Belum ada pertanyaan yang menunggu jawaban.', en: 'No question is waiting for an answer.' },
  'hearing.noSettled': { id: 'Belum ada pertanyaan yang dijawab.', en: 'No question has been answered yet.' },
  'hearing.citizen': { id: 'Warga', en: 'A citizen' },
  'hearing.supporters': { id: 'dukungan', en: 'supporters' },
  'hearing.support': { id: 'Dukung', en: 'Support' },
  'hearing.supportLabel': { id: 'Dukung pertanyaan {n}', en: 'Support question {n}' },
  'hearing.supported': { id: 'Sudah Anda dukung', en: 'You support this' },
  'hearing.answer': { id: 'Jawaban', en: 'Answer' },
  'hearing.answered': { id: 'Terjawab', en: 'Answered' },
  'hearing.answeredAt': { id: 'Dijawab dalam rekaman pada menit', en: 'Answered in the recording at' },
  'hearing.becameAspiration': {
    id: 'Belum terjawab dalam rapat; diteruskan sebagai aspirasi',
    en: 'Not answered in the meeting; taken further as aspiration',
  },
  'hearing.mine': { id: 'Pertanyaan Anda yang belum tampil', en: 'Your questions not shown yet' },
  'hearing.mineWaiting': { id: 'Menunggu diperiksa moderator.', en: 'Waiting for a moderator.' },
  'hearing.mineRejected': {
    id: 'Tidak ditampilkan oleh moderator (di luar topik rapat atau melanggar aturan).',
    en: 'Not shown by the moderator (off the meeting’s topic or against the rules).',
  },
  'hearing.ask': { id: 'Ajukan pertanyaan', en: 'Ask a question' },
  'hearing.askLead': {
    id: 'Pertanyaan diperiksa moderator sebelum tampil. Satu pertanyaan, singkat dan jelas, sesuai acara rapat.',
    en: 'A moderator checks each question before it is shown. One question, short and clear, on the meeting’s agenda.',
  },
  'hearing.byEmail': {
    id: 'Tanpa akun, Anda akan menerima tautan di email untuk mengirim pertanyaan ini.',
    en: 'Without an account, you will receive a link by email to send this question.',
  },
  'hearing.orSignIn': { id: 'Atau masuk dengan akun Anda', en: 'Or sign in with your account' },
  'hearing.signInToAsk': { id: 'Masuk untuk mengajukan pertanyaan', en: 'Sign in to ask a question' },
  'hearing.closed': {
    id: 'Pertanyaan untuk rapat ini sedang ditutup.',
    en: 'Questions for this meeting are closed for now.',
  },
  'hearing.closedEnded': {
    id: 'Rapat sudah selesai; pertanyaan tidak diterima lagi. Sampaikan hal baru sebagai aspirasi.',
    en: 'The meeting is over; questions are no longer taken. Send anything new as an aspiration.',
  },
  'hearing.field.body': { id: 'Pertanyaan', en: 'Question' },
  'hearing.bodyHint': { id: 'Paling banyak {max} karakter.', en: 'At most {max} characters.' },
  'hearing.field.name': { id: 'Nama yang ditampilkan (boleh kosong)', en: 'Name shown (may be left empty)' },
  'hearing.nameHint': {
    id: 'Kosongkan untuk tampil sebagai "Warga".',
    en: 'Leave it empty to be shown as "A citizen".',
  },
  'hearing.field.email': { id: 'Alamat email', en: 'Email address' },
  'hearing.emailHint': {
    id: 'Tidak ditampilkan. Dipakai untuk tautan konfirmasi (berlaku {days} hari) dan untuk mengabarkan jawabannya.',
    en: 'Not shown. Used for the confirmation link (valid for {days} day) and to tell you the answer.',
  },
  'hearing.field.consent': {
    id: 'Saya setuju email saya disimpan untuk mengabarkan jawaban pertanyaan ini (UU PDP).',
    en: 'I agree that my email is kept to tell me the answer to this question (personal data law).',
  },
  'hearing.send': { id: 'Kirim pertanyaan', en: 'Send the question' },

  'hearing.mailed.title': { id: 'Kirim pertanyaan Anda', en: 'Send your question' },
  'hearing.mailed.lead': {
    id: 'Periksa pertanyaan Anda. Setelah Anda menekan tombol, pertanyaan masuk ke antrean moderator.',
    en: 'Check your question. When you press the button, it goes to the moderators’ queue.',
  },
  'hearing.mailed.send': { id: 'Kirim pertanyaan ini', en: 'Send this question' },
  'hearing.mailed.gone': {
    id: 'Tautan ini tidak berlaku: sudah dipakai, atau lebih dari {days} hari. Silakan ajukan pertanyaan lagi.',
    en: 'This link is not valid: it was used already, or is more than {days} day old. Please ask again.',
  },
  'hearing.mail.confirm.subject': { id: 'Kirim pertanyaan Anda: {title}', en: 'Send your question: {title}' },
  'hearing.mail.confirm.body': {
    id: 'Anda (atau seseorang dengan alamat ini) menulis pertanyaan untuk rapat "{title}":\n\n{question}\n\nUntuk mengirimnya, buka tautan ini dan tekan "Kirim pertanyaan ini":\n{link}\n\nJika bukan Anda, abaikan email ini; tidak ada yang dikirim.\n\n{site}',
    en: 'You (or someone with this address) wrote a question for the meeting "{title}":\n\n{question}\n\nTo send it, open this link and press "Send this question":\n{link}\n\nIf it was not you, ignore this email; nothing is sent.\n\n{site}',
  },
  'hearing.mail.answered.subject': {
    id: 'Pertanyaan Anda dijawab: {title}',
    en: 'Your question was answered: {title}',
  },
  'hearing.mail.answered.body': {
    id: 'Pertanyaan Anda dalam rapat "{title}":\n\n{question}\n\nJawaban:\n{answer}\n\nSemua pertanyaan dan jawaban rapat ini:\n{link}\n\n{site}',
    en: 'Your question in the meeting "{title}":\n\n{question}\n\nAnswer:\n{answer}\n\nAll the questions and answers of this meeting:\n{link}\n\n{site}',
  },
  'hearing.mail.answered.moment': {
    id: 'Dijawab dalam rapat pada menit {moment} rekaman: {link}',
    en: 'Answered in the meeting at {moment} of the recording: {link}',
  },
  'hearing.mail.aspiration.subject': {
    id: 'Pertanyaan Anda diteruskan sebagai aspirasi {code}',
    en: 'Your question was taken further as aspiration {code}',
  },
  'hearing.mail.aspiration.body': {
    id: 'Pertanyaan dalam rapat "{title}" yang Anda ajukan atau dukung belum terjawab dalam rapat:\n\n{question}\n\nPertanyaan ini diteruskan sebagai aspirasi {code} dan ditangani seperti aspirasi lain. Ikuti penanganannya di:\n{link}\n\n{site}',
    en: 'A question in the meeting "{title}" that you asked was not answered in the meeting:\n\n{question}\n\nIt was taken further as aspiration {code} and is handled like any other. Follow it at:\n{link}\n\n{site}',
  },
  'hearing.aspiration.from': {
    id: 'Pertanyaan warga dalam rapat daring: {title}',
    en: 'A citizen’s question in the online hearing: {title}',
  },

  'hearing.notice.asked': {
    id: 'Pertanyaan Anda terkirim dan menunggu diperiksa moderator.',
    en: 'Your question was sent and waits for a moderator.',
  },
  'hearing.notice.checkEmail': {
    id: 'Hampir selesai: buka tautan yang kami kirim ke email Anda untuk mengirim pertanyaan ini.',
    en: 'Almost done: open the link we sent to your email to send this question.',
  },
  'hearing.notice.supported': { id: 'Dukungan Anda tercatat.', en: 'Your support was recorded.' },
  'hearing.notice.already': { id: 'Anda sudah mendukung pertanyaan ini.', en: 'You already support this question.' },
  'hearing.notice.late': {
    id: 'Rapat sudah selesai atau pertanyaan ditutup; tidak ada yang berubah.',
    en: 'The meeting is over or questions are closed; nothing was changed.',
  },
  'hearing.notice.opened': {
    id: 'Rapat ini sekarang menerima pertanyaan warga.',
    en: 'This meeting now takes citizens’ questions.',
  },
  'hearing.notice.saved': { id: 'Tersimpan.', en: 'Saved.' },
  'hearing.notice.moved': {
    id: 'Pertanyaan itu sudah ditangani orang lain; daftar ini terbaru.',
    en: 'Someone else handled that question already; this list is up to date.',
  },
  'hearing.notice.aspiration': { id: 'Diteruskan sebagai aspirasi {code}.', en: 'Taken further as aspiration {code}.' },

  'hearing.problem.required': { id: 'Wajib diisi', en: 'Required' },
  'hearing.problem.invalid': { id: 'Pilihan ini tidak berlaku', en: 'This choice is not valid' },
  'hearing.problem.tooLong': { id: 'Paling banyak {max} karakter', en: 'At most {max} characters' },
  'hearing.problem.tooShort': {
    id: 'Terlalu singkat: paling sedikit 10 karakter',
    en: 'Too short: at least 10 characters',
  },
  'hearing.problem.email': {
    id: 'Tulis alamat email yang lengkap, misalnya nama@contoh.id',
    en: 'Write a full email address, like name@example.id',
  },
  'hearing.problem.closed': {
    id: 'Pertanyaan untuk rapat ini tidak diterima lagi',
    en: 'This meeting no longer takes questions',
  },
  'hearing.problem.tooFast': {
    id: 'Sudah 5 pertanyaan dalam 10 menit terakhir; coba lagi nanti',
    en: 'Five questions in the last 10 minutes already; try again later',
  },
  'hearing.problem.taken': { id: 'Rapat ini sudah menerima pertanyaan', en: 'This meeting takes questions already' },
  'hearing.problem.notOpen': {
    id: 'Hanya rapat terbuka yang tidak dibatalkan',
    en: 'Only an open meeting that is not cancelled',
  },
  'hearing.problem.time': {
    id: 'Tulis menit rekaman seperti 12:34 atau 1:02:03',
    en: 'Write the moment of the recording like 12:34 or 1:02:03',
  },

  'hearing.office.title': { id: 'Rapat daring', en: 'Online hearings' },
  'hearing.office.none': { id: 'Belum ada rapat daring.', en: 'No online hearing yet.' },
  'hearing.office.open': {
    id: 'Buka pertanyaan warga untuk sebuah rapat',
    en: 'Take citizens’ questions for a meeting',
  },
  'hearing.office.openLead': {
    id: 'Rapat terbuka yang akan datang. Tautan siaran dan rapat video diisi di agenda rapat itu.',
    en: 'Open meetings ahead. The livestream and video-meeting links are set in that meeting’s agenda entry.',
  },
  'hearing.office.openButton': { id: 'Buka pertanyaan', en: 'Take questions' },
  'hearing.field.meeting': { id: 'Rapat', en: 'Meeting' },
  'hearing.publicPage': { id: 'Halaman publik', en: 'Public page' },
  'hearing.chair.title': { id: 'Layar pimpinan rapat', en: 'The chair’s screen' },
  'hearing.chair.queue': { id: 'Pertanyaan yang disetujui, menurut dukungan', en: 'Approved questions, by support' },
  'hearing.moderation.title': { id: 'Moderasi pertanyaan', en: 'Moderating questions' },
  'hearing.moderation.changed': {
    id: 'Ada {n} perubahan: muat ulang daftar',
    en: '{n} changes: reload the list',
  },
  'hearing.moderation.pending': { id: 'Menunggu diperiksa ({n})', en: 'Waiting ({n})' },
  'hearing.moderation.nonePending': { id: 'Tidak ada yang menunggu.', en: 'Nothing is waiting.' },
  'hearing.moderation.approved': { id: 'Disetujui ({n})', en: 'Approved ({n})' },
  'hearing.moderation.rejected': { id: 'Ditolak ({n})', en: 'Rejected ({n})' },
  'hearing.moderation.approve': { id: 'Setujui', en: 'Approve' },
  'hearing.moderation.approveLabel': { id: 'Setujui pertanyaan {n}', en: 'Approve question {n}' },
  'hearing.moderation.reject': { id: 'Tolak', en: 'Reject' },
  'hearing.moderation.rejectLabel': { id: 'Tolak pertanyaan {n}', en: 'Reject question {n}' },
  'hearing.moderation.mergeInto': { id: 'Sama dengan pertanyaan', en: 'Same as question' },
  'hearing.moderation.merge': { id: 'Gabungkan', en: 'Merge' },
  'hearing.moderation.answeredNow': { id: 'Terjawab sekarang', en: 'Answered now' },
  'hearing.moderation.answeredNowLabel': {
    id: 'Pertanyaan {n} terjawab sekarang',
    en: 'Question {n} answered now',
  },
  'hearing.moderation.handle': { id: 'Jawab tertulis atau teruskan', en: 'Answer in writing or take further' },
  'hearing.moderation.withdraw': { id: 'Tarik dari daftar', en: 'Take off the list' },
  'hearing.moderation.withdrawLabel': { id: 'Tarik pertanyaan {n} dari daftar', en: 'Take question {n} off the list' },
  'hearing.moderation.restore': { id: 'Kembalikan ke antrean', en: 'Back to the queue' },
  'hearing.moderation.restoreLabel': { id: 'Kembalikan pertanyaan {n}', en: 'Put question {n} back' },
  'hearing.settings': { id: 'Pengaturan', en: 'Settings' },
  'hearing.field.questionsOpen': { id: 'Pertanyaan dibuka', en: 'Questions are open' },
  'hearing.field.emailQuestions': {
    id: 'Warga tanpa akun boleh bertanya (dengan email yang dikonfirmasi)',
    en: 'People without an account may ask (with a confirmed email)',
  },
  'hearing.saveSettings': { id: 'Simpan pengaturan', en: 'Save the settings' },
  'hearing.question.title': { id: 'Pertanyaan {n}', en: 'Question {n}' },
  'hearing.question.notApproved': {
    id: 'Hanya pertanyaan yang disetujui yang dijawab atau diteruskan.',
    en: 'Only approved questions are answered or taken further.',
  },
  'hearing.question.answerTitle': { id: 'Jawaban', en: 'Answer' },
  'hearing.field.answer': { id: 'Jawaban tertulis', en: 'Written answer' },
  'hearing.answerHint': {
    id: 'Tampil di bawah pertanyaan dan dikirim ke penanya lewat email.',
    en: 'Shown under the question and emailed to whoever asked it.',
  },
  'hearing.field.moment': { id: 'Menit rekaman (boleh kosong)', en: 'Moment in the recording (optional)' },
  'hearing.momentHint': {
    id: 'Saat pertanyaan dijawab dalam rekaman, misalnya 12:34 atau 1:02:03.',
    en: 'When it was answered in the recording, e.g. 12:34 or 1:02:03.',
  },
  'hearing.question.saveAnswer': { id: 'Simpan jawaban', en: 'Save the answer' },
  'hearing.question.aspirationTitle': { id: 'Teruskan sebagai aspirasi', en: 'Take further as an aspiration' },
  'hearing.question.aspirationLead': {
    id: 'Untuk pertanyaan yang tidak terjawab dalam rapat: dicatat sebagai aspirasi atas nama penanya (saluran "rapat daring"), diteruskan ke komisi seperti biasa, dan penanya menerima kode pelacakan.',
    en: 'For a question the meeting did not answer: filed as an aspiration in the asker’s name (channel "online hearing"), routed to the commission as usual, and the asker gets the tracking code.',
  },
  'hearing.field.category': { id: 'Kategori', en: 'Category' },
  'hearing.field.title': { id: 'Judul aspirasi', en: 'Title of the aspiration' },
  'hearing.question.aspirationButton': { id: 'Teruskan sebagai aspirasi', en: 'Take further as an aspiration' },
  'hearing.waiting': {
    id: 'Pertanyaan rapat daring menunggu moderasi: {n}',
    en: 'Hearing questions waiting for moderation: {n}',
  },
  'hearing.data.title': { id: 'Pertanyaan dalam rapat daring', en: 'Questions in online hearings' },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
