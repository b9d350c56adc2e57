/**
 * The agenda for other programs: an iCalendar feed (RFC 5545; stable UIDs, SEQUENCE raised on
 * each change, STATUS:CANCELLED, times in UTC) that calendar applications subscribe to, an Atom
 * feed of new and changed meetings, and CSV for spreadsheets (formats in platform/feeds.ts).
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { atomFeed, csv } from '../platform/feeds.ts';
import type { Translate } from '../platform/i18n.ts';
import type { MeetingView } from './service.ts';

function summary(m: MeetingView, t: Translate): string {
  const what = m.open ? m.title : `${t('agenda.closedMeeting')}: ${m.body?.name ?? t(`agenda.type.${m.type}`)}`;
  return m.cancelled ? `${t('agenda.cancelledPrefix')}: ${what}` : what;
}

export function icsFeed(meetings: MeetingView[], options: { name: string; base: string; t: Translate }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Dewan Terbuka', product: 'agenda', language: 'ID' },
  });
  for (const m of meetings) {
    const details = m.details;
    calendar.createEvent({
      id: m.uid,
      sequence: m.sequence,
      start: m.startsAt,
      end: m.endsAt ?? new Date(m.startsAt.getTime() + 2 * 60 * 60 * 1000),
      stamp: m.updatedAt,
      created: m.createdAt,
      lastModified: m.updatedAt,
      summary: summary(m, options.t),
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url: `${options.base}/agenda/${m.id}`,
      ...(details === undefined
        ? {}
        : {
            description: [...details.agendaItems, details.livestreamUrl ?? '', details.onlineUrl ?? '']
              .filter(Boolean)
              .join('\n'),
            ...(details.place === null ? {} : { location: details.place }),
          }),
    });
  }
  // RFC 5545: every content line ends with CRLF, the last one (END:VCALENDAR) too.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

export function meetingsAtom(
  meetings: MeetingView[],
  options: { name: string; base: string; t: Translate; when: (d: Date) => string },
): string {
  return atomFeed({
    title: options.name,
    author: options.name,
    base: options.base,
    path: '/agenda',
    entries: meetings.map((m) => ({
      // A change is a new entry: readers learn that the meeting moved or was cancelled.
      id: `${options.base}/agenda/${m.id}#${m.sequence}`,
      title: summary(m, options.t),
      url: `${options.base}/agenda/${m.id}`,
      published: m.createdAt,
      updated: m.updatedAt,
      summary: `${options.when(m.startsAt)} · ${m.body?.name ?? options.t(`agenda.type.${m.type}`)}${m.details?.place ? ` · ${m.details.place}` : ''}`,
    })),
  });
}

export function meetingsCsv(meetings: MeetingView[], base: string, t: Translate): string {
  return csv([
    ['id', 'jenis', 'badan', 'judul', 'mulai', 'selesai', 'tempat', 'terbuka', 'dibatalkan', 'tautan'],
    ...meetings.map((m) => [
      m.id,
      t(`agenda.type.${m.type}`),
      m.body?.name ?? '',
      m.open ? m.title : t('agenda.closedMeeting'),
      m.startsAt.toISOString(),
      m.endsAt?.toISOString() ?? '',
      m.details?.place ?? '',
      m.open,
      m.cancelled,
      `${base}/agenda/${m.id}`,
    ]),
  ]);
}
