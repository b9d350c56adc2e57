/** The texts of the forums: Indonesian (the default) and English side by side. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'forum.push.reply': { id: 'Balasan baru dari {author}.', en: 'A new reply from {author}.' },
  'forum.title': { id: 'Forum warga', en: 'Citizens’ forum' },
  'forum.lead': {
    id: 'Bahas masalah kota dan lingkungan Anda bersama warga lain, anggota DPRD dan sekretariat. Setiap utas masuk ke komisi yang membidanginya.',
    en: 'Discuss the city’s and your neighbourhood’s issues with other citizens, council members and the secretariat. Each thread goes to the komisi in charge.',
  },
  'forum.start': { id: 'Mulai diskusi', en: 'Start a discussion' },
  'forum.startLead': {
    id: 'Tulis dengan sopan dan jangan menyebut data pribadi orang lain. Untuk pengaduan yang perlu ditindaklanjuti, kirim aspirasi.',
    en: 'Be courteous and do not share other people’s personal data. For a complaint that needs action, send an aspiration.',
  },
  'forum.recent': { id: 'Diskusi terbaru', en: 'Latest discussions' },
  'forum.byKomisi': { id: 'Menurut komisi', en: 'By komisi' },
  'forum.byKecamatan': { id: 'Menurut kecamatan', en: 'By kecamatan' },
  'forum.threadCount': { id: '{n} utas', en: '{n} threads' },
  'forum.postCount': { id: '{n} pesan', en: '{n} posts' },
  'forum.lastPost': { id: 'terakhir {when}', en: 'last {when}' },
  'forum.noThreads': { id: 'Belum ada diskusi di sini.', en: 'No discussions here yet.' },
  'forum.feed': { id: 'Umpan Atom pesan baru', en: 'Atom feed of new posts' },
  'forum.where': { id: 'Letak utas ini', en: 'Where this thread is' },
  'forum.field.title': { id: 'Judul', en: 'Title' },
  'forum.field.body': { id: 'Isi', en: 'Message' },
  'forum.field.reply': { id: 'Balasan Anda', en: 'Your reply' },
  'forum.bodyHint': {
    id: 'Paling sedikit 10 huruf, paling banyak 5.000; paling banyak 2 tautan.',
    en: 'At least 10 characters, at most 5,000; at most 2 links.',
  },
  'forum.field.komisi': { id: 'Komisi', en: 'Komisi' },
  'forum.komisiHint': { id: 'Komisi yang membidangi pokok bahasan ini.', en: 'The komisi whose field this is.' },
  'forum.field.kecamatan': { id: 'Kecamatan (tidak wajib)', en: 'Kecamatan (optional)' },
  'forum.kecamatanNone': { id: 'Seluruh kota', en: 'The whole city' },
  'forum.send': { id: 'Kirim', en: 'Post' },
  'forum.reply': { id: 'Balas', en: 'Reply' },
  'forum.sendReply': { id: 'Kirim balasan', en: 'Post the reply' },
  'forum.signInToReply': { id: 'Masuk untuk membalas', en: 'Sign in to reply' },
  'forum.report': { id: 'Laporkan', en: 'Report' },
  'forum.report.title': { id: 'Laporkan pesan', en: 'Report a post' },
  'forum.hidden': {
    id: 'Pesan ini disembunyikan oleh moderator: {reason}',
    en: 'This post was hidden by a moderator: {reason}',
  },
  'forum.role.member': { id: 'Anggota DPRD', en: 'Council member' },
  'forum.role.staff': { id: 'Sekretariat DPRD', en: 'Council secretariat' },
  'forum.role.moderator': { id: 'Moderator', en: 'Moderator' },
  'forum.role.administrator': { id: 'Pengelola portal', en: 'Portal administrator' },
  'forum.linkedConsultation': { id: 'Dibahas dalam konsultasi publik:', en: 'Taken up in the public consultation:' },
  'forum.linkedMeeting': { id: 'Dibahas dalam rapat:', en: 'Taken up in the meeting:' },
  'forum.link.title': { id: 'Tautkan ke konsultasi atau rapat', en: 'Link to a consultation or a meeting' },
  'forum.link.button': { id: 'Tautkan', en: 'Link' },
  'forum.field.consultation': { id: 'Konsultasi publik', en: 'Public consultation' },
  'forum.consultationHint': {
    id: 'Nomornya atau alamatnya, misalnya /konsultasi/3.',
    en: 'Its number or address, e.g. /konsultasi/3.',
  },
  'forum.field.meeting': { id: 'Rapat', en: 'Meeting' },
  'forum.meetingHint': {
    id: 'Nomornya atau alamatnya, misalnya /agenda/12.',
    en: 'Its number or address, e.g. /agenda/12.',
  },
  'forum.filedAs': { id: 'Diteruskan sebagai aspirasi', en: 'Filed as the aspiration' },
  'forum.file.title': { id: 'Jadikan aspirasi', en: 'File as an aspiration' },
  'forum.file.lead': {
    id: 'Judul dan isi pesan pertama menjadi aspirasi yang ditangani dan dapat dilacak. Data pribadi penulis tidak ikut.',
    en: 'The title and the opening post become an aspiration that is handled and can be tracked. The author’s personal data does not go with it.',
  },
  'forum.file.button': { id: 'Jadikan aspirasi', en: 'File as an aspiration' },
  'forum.field.category': { id: 'Kategori', en: 'Category' },
  'forum.required.category': { id: 'Pilih kategori.', en: 'Choose a category.' },
  'forum.required.location': { id: 'Pilih lokasi.', en: 'Choose the place.' },
  'forum.notice.filed': { id: 'Utas ini sudah menjadi aspirasi.', en: 'This thread is now an aspiration.' },
  'forum.follow.title': { id: 'Ikuti diskusi ini', en: 'Follow this discussion' },
  'forum.follow.lead': {
    id: 'Dapatkan email setiap ada balasan baru. Setiap email memuat tautan untuk berhenti.',
    en: 'Get an email for each new reply. Every email carries a link to stop.',
  },
  'forum.follow.button': { id: 'Ikuti', en: 'Follow' },
  'forum.follow.badBody': {
    id: 'Tautan konfirmasi ini tidak dikenal atau sudah dipakai.',
    en: 'This confirmation link is unknown or was already used.',
  },
  'forum.follow.stopped': {
    id: 'Anda tidak akan lagi mendapat email tentang diskusi ini.',
    en: 'You will no longer get emails about this discussion.',
  },
  'forum.notice.sent': { id: 'Pesan Anda sudah tampil.', en: 'Your post is up.' },
  'forum.notice.follow': {
    id: 'Periksa email Anda dan klik tautan konfirmasi untuk mulai mengikuti.',
    en: 'Check your email and click the confirmation link to start following.',
  },
  'forum.notice.confirmed': { id: 'Anda sekarang mengikuti diskusi ini.', en: 'You now follow this discussion.' },
  'forum.notice.reported': {
    id: 'Terima kasih. Moderator akan memeriksa pesan ini.',
    en: 'Thank you. A moderator will look at this post.',
  },
  'forum.notice.linked': { id: 'Tautan tersimpan.', en: 'The link is saved.' },
  'forum.notice.moderated': { id: 'Keputusan moderasi tersimpan.', en: 'The moderation decision is saved.' },
  'forum.problem.required': { id: 'Isian ini wajib diisi.', en: 'This field is required.' },
  'forum.problem.tooLong': {
    id: 'Terlalu panjang: paling banyak {max} huruf.',
    en: 'Too long: at most {max} characters.',
  },
  'forum.problem.invalid': { id: 'Isian ini tidak sah. Periksa kembali.', en: 'This is not valid. Please check it.' },
  'forum.problem.links': { id: 'Paling banyak {max} tautan dalam satu pesan.', en: 'At most {max} links in one post.' },
  'forum.problem.tooFast': {
    id: 'Anda sudah mengirim banyak pesan dalam 10 menit terakhir. Tunggu sebentar lalu coba lagi.',
    en: 'You have posted a lot in the last 10 minutes. Wait a moment and try again.',
  },
  'forum.required.title': { id: 'Tulis judul, paling sedikit 5 huruf.', en: 'Enter a title of at least 5 characters.' },
  'forum.required.body': {
    id: 'Tulis pesan Anda, paling sedikit 10 huruf.',
    en: 'Write your message, at least 10 characters.',
  },
  'forum.required.komisi': { id: 'Pilih komisi.', en: 'Choose a komisi.' },
  'forum.required.link': {
    id: 'Tulis nomor konsultasi atau nomor rapat.',
    en: 'Enter a consultation’s or a meeting’s number.',
  },
  'forum.required.reason': {
    id: 'Tulis alasan laporan, 3 sampai 500 huruf.',
    en: 'Write why you report it, 3 to 500 characters.',
  },
  'forum.required.hideReason': {
    id: 'Tulis alasan menyembunyikan, paling sedikit 5 huruf: alasan ini tampil di tempat pesan.',
    en: 'Give the reason for hiding it, at least 5 characters: it is shown in the post’s place.',
  },
  'forum.moderate.title': { id: 'Moderasi forum', en: 'Forum moderation' },
  'forum.waiting.moderate': { id: '{n} pesan forum dilaporkan', en: '{n} forum posts reported' },
  'forum.yourPosts': { id: 'Pesan Anda di forum', en: 'Your forum posts' },
  'forum.followed': { id: 'Diikuti', en: 'Followed' },
  'forum.followedByYou': { id: 'Diskusi forum yang Anda ikuti', en: 'Forum discussions you follow' },
  'forum.mail.confirm.subject': {
    id: 'Konfirmasi: ikuti diskusi "{title}"',
    en: 'Confirm: follow the discussion "{title}"',
  },
  'forum.mail.confirm.body': {
    id: 'Seseorang (semoga Anda) ingin mengikuti diskusi "{title}". Klik tautan ini untuk mulai mendapat email setiap ada balasan:\n{link}\n\nBila bukan Anda, abaikan email ini.\n\n{site}',
    en: 'Someone (we hope you) asked to follow the discussion "{title}". Click this link to get an email for each reply:\n{link}\n\nIf it was not you, ignore this email.\n\n{site}',
  },
  'forum.mail.reply.subject': { id: 'Balasan baru: {title}', en: 'New reply: {title}' },
  'forum.mail.reply.body': {
    id: '{author} membalas diskusi "{title}":\n\n{text}\n\nBaca dan balas: {link}\n\nBerhenti mengikuti: {stop}\n\n{site}',
    en: '{author} replied in "{title}":\n\n{text}\n\nRead and reply: {link}\n\nStop following: {stop}\n\n{site}',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
