/** The aspiration room's texts: booking a slot, one's own appointment, the desk, the slots. */
import type { Messages } from '../platform/i18n.ts';

export const messages = {
  'room.title': { id: 'Janji temu di ruang aspirasi', en: 'Appointments in the aspiration room' },
  'room.lead': {
    id: 'Temui anggota DPRD atau staf sekretariat secara langsung. Pilih meja dan waktunya; Anda mendapat kode janji temu dan pengingat sehari sebelumnya.',
    en: 'Meet council members or secretariat staff in person. Choose a desk and a time; you get an appointment code and a reminder the day before.',
  },
  'room.desk.umum': { id: 'Meja layanan umum', en: 'General desk' },
  'room.filter': { id: 'Meja', en: 'Desk' },
  'room.allDesks': { id: 'Semua meja', en: 'All desks' },
  'room.filterButton': { id: 'Tampilkan', en: 'Show' },
  'room.none': {
    id: 'Belum ada waktu yang tersedia. Anda tetap dapat datang langsung pada jam kerja, atau mengirim aspirasi secara daring.',
    en: 'No times are available yet. You can still come in person during working hours, or send an aspiration online.',
  },
  'room.placesLeft': { id: '{n} tempat tersisa', en: '{n} places left' },
  'room.choose': { id: 'Pilih', en: 'Choose' },
  'room.chooseLabel': { id: 'Pilih pukul {time}, {desk}', en: 'Choose {time}, {desk}' },
  'room.book.title': { id: 'Buat janji temu', en: 'Book an appointment' },
  'room.field.topic': { id: 'Yang ingin Anda bicarakan', en: 'What you want to talk about' },
  'room.topicHint': {
    id: 'Paling sedikit 10 huruf, agar yang menemui Anda dapat bersiap.',
    en: 'At least 10 characters, so that whoever meets you can prepare.',
  },
  'room.field.aspiration': { id: 'Kode aspirasi terkait (tidak wajib)', en: 'Code of a related aspiration (optional)' },
  'room.aspirationHint': {
    id: 'Misalnya ASP-2026-000123, bila Anda sudah pernah mengirim aspirasi tentang hal ini.',
    en: 'For example ASP-2026-000123, if you have already sent an aspiration about it.',
  },
  'room.contact': { id: 'Kontak Anda', en: 'Your contacts' },
  'room.field.name': { id: 'Nama', en: 'Name' },
  'room.field.email': { id: 'Email', en: 'Email' },
  'room.field.phone': { id: 'Nomor telepon atau WhatsApp', en: 'Phone or WhatsApp number' },
  'room.contactHint': {
    id: 'Isi email atau nomor telepon (boleh keduanya) untuk konfirmasi dan pengingat.',
    en: 'Give an email address or a phone number (or both) for the confirmation and the reminder.',
  },
  'room.field.consent': {
    id: 'Saya setuju nama dan kontak saya disimpan tersandi untuk janji temu ini dan percakapannya.',
    en: 'I agree that my name and contacts are kept encrypted for this appointment and its conversation.',
  },
  'room.book.button': { id: 'Buat janji temu', en: 'Book the appointment' },
  'room.gone': {
    id: 'Waktu ini tidak tersedia lagi: sudah lewat atau dibatalkan.',
    en: 'This time is no longer available: it has passed or was cancelled.',
  },
  'room.backToTimes': { id: 'Pilih waktu lain', en: 'Choose another time' },

  'room.problem.required': { id: 'Isian ini wajib diisi.', en: 'This field is required.' },
  'room.problem.invalid': { id: 'Isian ini tidak sah.', en: 'This value is not valid.' },
  'room.problem.tooLong': {
    id: 'Terlalu panjang: paling banyak {max} huruf.',
    en: 'Too long: at most {max} characters.',
  },
  'room.problem.tooShort': { id: 'Terlalu pendek.', en: 'Too short.' },
  'room.problem.past': { id: 'Tanggal ini sudah lewat.', en: 'This day has passed.' },
  'room.problem.order': { id: 'Harus sesudah isian sebelumnya.', en: 'Must come after the one before.' },
  'room.problem.span': { id: 'Paling lama {max} hari sekaligus.', en: 'At most {max} days at once.' },
  'room.problem.contact': {
    id: 'Isi email atau nomor telepon agar kami dapat mengirim konfirmasi.',
    en: 'Give an email address or a phone number so that we can confirm.',
  },
  'room.problem.email': {
    id: 'Tulis alamat email yang benar, misalnya nama@contoh.id.',
    en: 'Enter a valid email address, like name@example.org.',
  },
  'room.problem.phone': {
    id: 'Tulis nomor telepon yang benar, misalnya 0812 3456 7890.',
    en: 'Enter a valid phone number, like 0812 3456 7890.',
  },
  'room.problem.consent': {
    id: 'Centang persetujuan agar kami boleh menyimpan nama dan kontak Anda.',
    en: 'Tick the box so that we may keep your name and contacts.',
  },
  'room.problem.closed': {
    id: 'Waktu ini sudah dimulai atau sudah dibatalkan.',
    en: 'This time has begun or is already cancelled.',
  },
  'room.problem.full': { id: 'Waktu ini sudah penuh.', en: 'This time is full.' },
  'room.problem.none': {
    id: 'Tidak ada waktu yang dapat diterbitkan: rentang ini hanya berisi akhir pekan, hari libur atau jam yang sudah lewat.',
    en: 'There is nothing to publish: this span holds only weekends, holidays or hours already past.',
  },
  'room.problem.tooMany': {
    id: 'Terlalu banyak waktu sekaligus: paling banyak {max}. Perpendek rentangnya.',
    en: 'Too many times at once: at most {max}. Shorten the span.',
  },
  'room.required.topic': {
    id: 'Tulis yang ingin Anda bicarakan, paling sedikit 10 huruf.',
    en: 'Write what you want to talk about, at least 10 characters.',
  },
  'room.required.name': { id: 'Tulis nama Anda.', en: 'Enter your name.' },
  'room.required.aspiration': { id: 'Tulis kode aspirasinya.', en: 'Enter the aspiration’s code.' },
  'room.required.place': { id: 'Tulis tempatnya.', en: 'Enter the place.' },
  'room.required.mode': { id: 'Pilih cara mencatat percakapan.', en: 'Choose how to record the conversation.' },
  'room.invalid.aspiration': {
    id: 'Tidak ada aspirasi dengan kode itu. Periksa kodenya, misalnya ASP-2026-000123.',
    en: 'No aspiration has that code. Check it, like ASP-2026-000123.',
  },

  'room.mine.title': { id: 'Janji temu Anda', en: 'Your appointment' },
  'room.mine.code': { id: 'Kode janji temu', en: 'Appointment code' },
  'room.mine.when': { id: 'Waktu', en: 'When' },
  'room.mine.where': { id: 'Tempat', en: 'Where' },
  'room.mine.desk': { id: 'Meja', en: 'Desk' },
  'room.mine.topic': { id: 'Topik', en: 'Topic' },
  'room.mine.state': { id: 'Keadaan', en: 'State' },
  'room.mine.aspiration': { id: 'Aspirasi', en: 'Aspiration' },
  'room.mine.keep': {
    id: 'Simpan tautan ini. Sebutkan kode janji temu di meja layanan.',
    en: 'Keep this link. Give the appointment code at the desk.',
  },
  'room.mine.ics': { id: 'Tambahkan ke kalender (.ics)', en: 'Add to your calendar (.ics)' },
  'room.mine.move': { id: 'Pindah ke waktu lain', en: 'Move to another time' },
  'room.mine.moveHint': {
    id: 'Tempat Anda yang sekarang dilepas setelah waktu yang baru didapat.',
    en: 'Your present place is given up once the new time is yours.',
  },
  'room.mine.newTime': { id: 'Waktu baru', en: 'New time' },
  'room.mine.moveButton': { id: 'Pindahkan', en: 'Move' },
  'room.mine.noOther': {
    id: 'Tidak ada waktu lain yang tersedia di meja ini.',
    en: 'This desk has no other time left.',
  },
  'room.mine.cancel': { id: 'Batalkan janji temu', en: 'Cancel the appointment' },
  'room.mine.cancelHint': {
    id: 'Tempat Anda diberikan kepada orang lain. Anda dapat membuat janji baru kapan saja.',
    en: 'Your place goes to someone else. You can book again at any time.',
  },
  'room.mine.cancelButton': { id: 'Batalkan', en: 'Cancel it' },
  'room.mine.gone': {
    id: 'Tautan ini tidak berlaku. Periksa kembali tautan di email atau SMS konfirmasi Anda.',
    en: 'This link does not work. Check the link in your confirmation email or SMS again.',
  },
  'room.status.booked': { id: 'Terjadwal', en: 'Booked' },
  'room.status.cancelled': { id: 'Dibatalkan', en: 'Cancelled' },
  'room.status.checked_in': { id: 'Sedang dilayani', en: 'Being seen' },
  'room.status.no_show': { id: 'Tidak hadir', en: 'Did not come' },
  'room.status.done': { id: 'Selesai', en: 'Done' },
  'room.notice.booked': {
    id: 'Janji temu Anda tercatat. Konfirmasinya kami kirim ke kontak Anda.',
    en: 'Your appointment is booked. We are sending the confirmation to your contacts.',
  },
  'room.notice.moved': { id: 'Janji temu Anda dipindahkan.', en: 'Your appointment was moved.' },
  'room.notice.cancelled': { id: 'Janji temu Anda dibatalkan.', en: 'Your appointment is cancelled.' },
  'room.notice.late': {
    id: 'Janji temu ini tidak dapat diubah lagi: sudah dimulai, selesai atau dibatalkan.',
    en: 'This appointment can no longer be changed: it has begun, ended or been cancelled.',
  },
  'room.notice.full': {
    id: 'Waktu itu baru saja penuh. Pilih waktu lain.',
    en: 'That time has just filled up. Choose another one.',
  },
  'room.notice.invalidSlot': { id: 'Pilih salah satu waktu yang tersedia.', en: 'Choose one of the times available.' },

  'room.mail.confirm.subject': {
    id: 'Janji temu {code}: {day} pukul {time}',
    en: 'Appointment {code}: {day} at {time}',
  },
  'room.mail.confirm.body': {
    id: 'Yth. {name},\n\nJanji temu Anda di ruang aspirasi tercatat.\n\nKode: {code}\nWaktu: {day} pukul {time}\nTempat: {place}\n\nUntuk melihat, memindahkan atau membatalkan janji temu, dan mengunduh berkas kalender (.ics):\n{link}\n\nKami mengingatkan Anda sehari sebelumnya.\n\n{site}',
    en: 'Dear {name},\n\nYour appointment in the aspiration room is booked.\n\nCode: {code}\nWhen: {day} at {time}\nWhere: {place}\n\nTo see, move or cancel it, and to download the calendar file (.ics):\n{link}\n\nWe will remind you the day before.\n\n{site}',
  },
  'room.mail.moved.subject': {
    id: 'Janji temu {code} dipindah: {day} pukul {time}',
    en: 'Appointment {code} moved: {day} at {time}',
  },
  'room.mail.moved.body': {
    id: 'Yth. {name},\n\nJanji temu {code} dipindahkan ke {day} pukul {time}, di {place}.\n\n{link}\n\n{site}',
    en: 'Dear {name},\n\nAppointment {code} moved to {day} at {time}, at {place}.\n\n{link}\n\n{site}',
  },
  'room.mail.cancelled.subject': { id: 'Janji temu {code} dibatalkan', en: 'Appointment {code} cancelled' },
  'room.mail.cancelled.body': {
    id: 'Yth. {name},\n\nJanji temu {code} pada {day} pukul {time} sudah dibatalkan. Anda dapat membuat janji baru kapan saja di {site}.\n\n{site}',
    en: 'Dear {name},\n\nAppointment {code} on {day} at {time} is cancelled. You can book again at any time.\n\n{site}',
  },
  'room.mail.reminder.subject': {
    id: 'Besok: janji temu {code} pukul {time}',
    en: 'Tomorrow: appointment {code} at {time}',
  },
  'room.mail.reminder.body': {
    id: 'Yth. {name},\n\nKami mengingatkan janji temu Anda besok, {day} pukul {time}, di {place}. Sebutkan kode {code} di meja layanan.\n\nBila berhalangan, batalkan lewat tautan di email konfirmasi agar tempatnya dapat dipakai orang lain.\n\n{site}',
    en: 'Dear {name},\n\nA reminder of your appointment tomorrow, {day} at {time}, at {place}. Give the code {code} at the desk.\n\nIf you cannot come, cancel it with the link in the confirmation email so that someone else can have the place.\n\n{site}',
  },
  'room.sms.confirm': {
    // One SMS with a 43-letter link: the code, day and time; the place is on the linked page.
    id: '{site}: janji temu {code} {day} {time}. Tempat, ubah atau batal: {link}',
    en: '{site}: appointment {code} {day} {time}. Place, change or cancel: {link}',
  },
  'room.sms.moved': {
    id: '{site}: janji temu {code} dipindah ke {day} pukul {time}, {place}.',
    en: '{site}: appointment {code} moved to {day} at {time}, {place}.',
  },
  'room.sms.cancelled': { id: '{site}: janji temu {code} dibatalkan.', en: '{site}: appointment {code} cancelled.' },
  'room.sms.reminder': {
    id: '{site}: besok {day} pukul {time} janji temu {code} di {place}.',
    en: '{site}: tomorrow {day} at {time} appointment {code} at {place}.',
  },
  'room.mail.closed.subject': {
    id: 'Janji temu {code} dibatalkan oleh sekretariat',
    en: 'Appointment {code} cancelled by the secretariat',
  },
  'room.mail.closed.body': {
    id: 'Yth. {name},\n\nMohon maaf, ruang aspirasi tidak dapat melayani janji temu {code} pada {day} pukul {time}: {reason}\n\nSilakan pilih waktu lain:\n{link}\n\n{site}',
    en: 'Dear {name},\n\nWe are sorry: the aspiration room cannot keep appointment {code} on {day} at {time}: {reason}\n\nPlease choose another time:\n{link}\n\n{site}',
  },
  'room.sms.closed': {
    id: '{site}: maaf, janji temu {code} {day} pukul {time} dibatalkan: {reason} Pilih waktu lain: {link}',
    en: '{site}: sorry, appointment {code} on {day} at {time} is cancelled: {reason} Choose another time: {link}',
  },
  'room.office.close': { id: 'Batalkan waktu ini', en: 'Cancel this time' },
  'room.office.closeLabel': { id: 'Batalkan waktu {when}', en: 'Cancel the time {when}' },
  'room.office.closeTitle': { id: 'Batalkan waktu layanan', en: 'Cancel an opening time' },
  'room.office.closeLead': {
    id: 'Setiap warga yang sudah membuat janji pada waktu ini diberi tahu alasannya lewat email atau SMS. Pesan itu memuat tautan untuk memilih waktu lain.',
    en: 'Everyone booked at this time is told why by email or SMS, with a link to choose another time.',
  },
  'room.field.reason': { id: 'Alasan', en: 'Reason' },
  'room.reasonHint': {
    id: 'Dikirim kepada warga, misalnya "Ruang dipakai untuk rapat paripurna."',
    en: 'Sent to the citizens, for example "The room is needed for a plenary."',
  },
  'room.office.closeButton': { id: 'Batalkan dan beri tahu warga', en: 'Cancel and tell the citizens' },
  'room.office.closed': { id: 'Dibatalkan', en: 'Cancelled' },
  'room.notice.closed': {
    id: 'Waktu layanan dibatalkan; warga yang membuat janji diberi tahu.',
    en: 'The time is cancelled; those booked are told.',
  },
  'room.ics.summary': {
    id: 'Janji temu {code} di ruang aspirasi {site}',
    en: 'Appointment {code} at {site}’s aspiration room',
  },

  'room.office.title': { id: 'Ruang aspirasi', en: 'Aspiration room' },
  'room.office.queue': { id: 'Antrean {day}', en: 'Queue of {day}' },
  'room.office.day': { id: 'Hari', en: 'Day' },
  'room.office.show': { id: 'Tampilkan', en: 'Show' },
  'room.office.empty': { id: 'Tidak ada janji temu pada hari ini.', en: 'No appointments on this day.' },
  'room.office.time': { id: 'Jam', en: 'Time' },
  'room.office.person': { id: 'Nama dan kontak', en: 'Name and contacts' },
  'room.office.walkInTag': { id: 'tanpa janji', en: 'walk-in' },
  'room.office.checkIn': { id: 'Hadir', en: 'Arrived' },
  'room.office.checkInLabel': { id: 'Catat {name} hadir', en: 'Record that {name} arrived' },
  'room.office.noShow': { id: 'Tidak hadir', en: 'Did not come' },
  'room.office.noShowLabel': { id: 'Catat {name} tidak hadir', en: 'Record that {name} did not come' },
  'room.office.record': { id: 'Catat percakapan', en: 'Record the conversation' },
  'room.office.recordLabel': { id: 'Catat percakapan dengan {name}', en: 'Record the conversation with {name}' },
  'room.office.walkIn': { id: 'Tamu tanpa janji', en: 'Someone without an appointment' },
  'room.office.walkInLead': {
    id: 'Catat tamu yang datang langsung; percakapannya dicatat sesudahnya seperti janji temu lain.',
    en: 'Enter someone who came in person; record the conversation next, as for any appointment.',
  },
  'room.office.walkInButton': { id: 'Catat tamu', en: 'Enter the visitor' },
  'room.office.slots': { id: 'Waktu layanan', en: 'Opening times' },
  'room.office.publish': { id: 'Terbitkan waktu layanan', en: 'Publish opening times' },
  'room.office.publishLead': {
    id: 'Waktu dibuat untuk setiap hari kerja dalam rentang; akhir pekan dan hari libur dewan dilewati, dan jam yang sudah ada untuk meja itu tidak dibuat dua kali.',
    en: 'Times are made for each working day of the span; weekends and the council’s holidays are skipped, and a time the desk already has is not made twice.',
  },
  'room.field.desk': { id: 'Meja', en: 'Desk' },
  'room.field.from': { id: 'Dari tanggal', en: 'From' },
  'room.field.until': { id: 'Sampai tanggal', en: 'Until' },
  'room.field.startTime': { id: 'Jam mulai (WIB)', en: 'Start time (WIB)' },
  'room.field.endTime': { id: 'Jam selesai (WIB)', en: 'End time (WIB)' },
  'room.field.minutes': { id: 'Lama tiap janji temu (menit)', en: 'Length of each appointment (minutes)' },
  'room.field.capacity': { id: 'Jumlah tempat tiap waktu', en: 'Places at each time' },
  'room.field.place': { id: 'Tempat', en: 'Place' },
  'room.office.publishButton': { id: 'Terbitkan', en: 'Publish' },
  'room.office.upcoming': { id: 'Waktu yang sudah terbit', en: 'Published times' },
  'room.office.booked': { id: '{booked} dari {capacity} terisi', en: '{booked} of {capacity} taken' },
  'room.office.noSlots': { id: 'Belum ada waktu yang terbit.', en: 'No times published yet.' },
  'room.notice.published': { id: 'Waktu layanan terbit.', en: 'The opening times are published.' },
  'room.notice.checkedIn': { id: 'Kehadiran tercatat.', en: 'The arrival is recorded.' },
  'room.notice.noShow': { id: 'Ketidakhadiran tercatat.', en: 'The absence is recorded.' },
  'room.notice.recorded': { id: 'Percakapan tercatat.', en: 'The conversation is recorded.' },
  'room.notice.already': {
    id: 'Janji temu ini sudah tidak menunggu tindakan itu.',
    en: 'This appointment no longer waits for that.',
  },
  'room.conversation.title': { id: 'Percakapan dengan {name}', en: 'Conversation with {name}' },
  'room.conversation.mode': { id: 'Catat sebagai', en: 'Record as' },
  'room.conversation.new': {
    id: 'Aspirasi baru (kanal ruang aspirasi), atas nama dan kontak tamu',
    en: 'A new aspiration (aspiration-room channel), in the visitor’s name and with their contacts',
  },
  'room.conversation.link': { id: 'Bagian dari aspirasi yang sudah ada', en: 'Part of an existing aspiration' },
  'room.field.category': { id: 'Kategori', en: 'Category' },
  'room.field.title': { id: 'Judul aspirasi', en: 'Title of the aspiration' },
  'room.field.description': { id: 'Isi percakapan', en: 'What was said' },
  'room.field.code': { id: 'Kode aspirasi', en: 'Aspiration code' },
  'room.conversation.button': { id: 'Simpan percakapan', en: 'Save the conversation' },
  'room.conversation.notYet': {
    id: 'Catat dulu bahwa tamu hadir; percakapan dicatat sesudahnya.',
    en: 'Record the arrival first; the conversation is recorded after it.',
  },
  'room.conversation.done': {
    id: 'Percakapan tercatat sebagai aspirasi',
    en: 'The conversation is recorded as aspiration',
  },
} as const satisfies Messages;

declare module '../platform/i18n.ts' {
  interface MessageCatalogue extends Readonly<typeof messages> {}
}
