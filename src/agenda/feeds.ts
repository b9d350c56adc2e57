/**
 * The agenda for other programs: an iCalendar feed (RFC 5545; stable UIDs, SEQUENCE raised on
 * each change, STATUS:CANCELLED, times in UTC) that calendar applications subscribe to, an Atom
 * feed of new and changed meetings, and CSV for spreadsheets.
 */
import ical, { ICalEventStatus } from 'ical-generator';
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
  return calendar.toString();
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

export function atomFeed(
  meetings: MeetingView[],
  options: { name: string; base: string; t: Translate; when: (d: Date) => string },
): string {
  const updated = new Date(Math.max(0, ...meetings.map((m) => m.updatedAt.getTime())));
  const entries = meetings.map((m) => {
    const url = `${options.base}/agenda/${m.id}`;
    const text = `${options.when(m.startsAt)} · ${m.body?.name ?? options.t(`agenda.type.${m.type}`)}${m.details?.place ? ` · ${m.details.place}` : ''}`;
    return `  <entry>
    <id>${xml(`${url}#${m.sequence}`)}</id>
    <title>${xml(summary(m, options.t))}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <published>${m.createdAt.toISOString()}</published>
    <updated>${m.updatedAt.toISOString()}</updated>
    <summary type="text">${xml(text)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>${xml(`${options.base}/agenda`)}</id>
  <title>${xml(options.name)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(`${options.base}/agenda.atom`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${options.base}/agenda`)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>${xml(options.name)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** RFC 4180: fields quoted when they hold a comma, quote or line break; CRLF between records. */
function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  // A leading = + - @ would make a spreadsheet run it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csv(rows: (string | number | boolean | null)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
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
