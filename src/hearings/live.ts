/**
 * A hearing's pages follow its questions live. Every change is announced once on the realtime
 * channel (from whichever process made it); each process gathers the announcements for a moment,
 * reads the changed questions in one query, and writes one message to all of that hearing's open
 * streams. So a crowd of viewers costs one query and one string per burst, not one per viewer,
 * and a burst of votes reaches a page as one update within a fraction of a second.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { deps } from '../platform/auth.ts';
import { eventStreams, sseMessage } from '../platform/event-streams.ts';
import {
  isSettled,
  momentText,
  QUESTIONS_CHANNEL,
  type Question,
  questionsByIds,
  questionsOfHearings,
  recordingAt,
} from './service.ts';

/**
 * How long announcements are gathered before they are sent on: 150 ms for a small audience, longer
 * for a crowd, at most 500 ms so a page still hears within a second. Each message costs one socket
 * write per open page (a system call): the bench's profile of 2,000 pages at 150 ms showed those
 * writes taking 18-34 % of the event loop, with every other page waiting behind them. A crowd
 * gets fewer, fuller messages instead.
 */
export function gatherMs(viewers: number): number {
  return Math.min(500, Math.max(150, Math.round(viewers / 5)));
}

/** What a page is told of a question: enough to draw it, or that it left the public list. */
export type LiveQuestion =
  | { id: number; gone: true }
  | {
      id: number;
      body: string;
      asker: string;
      votes: number;
      settled: boolean;
      answer: string | null;
      moment: string | null;
      momentLink: string | null;
      code: string | null;
    };

export function liveQuestion(question: Question, recording: string | null): LiveQuestion {
  if (question.status !== 'approved') return { id: question.id, gone: true };
  const second = question.answerSecond;
  return {
    id: question.id,
    body: question.body,
    asker: question.asker,
    votes: question.votes,
    settled: isSettled(question),
    answer: question.answer,
    moment: second === null ? null : momentText(second),
    momentLink: second === null || recording === null ? null : recordingAt(recording, second),
    code: question.aspirationCode,
  };
}

interface Group {
  /** Viewers of the public page and the chair's screen. */
  viewers: Set<(chunk: string | Buffer) => void>;
  /** Moderators: told that the queue changed. */
  moderators: Set<(chunk: string | Buffer) => void>;
  /** Changed since the last message: every question, and those whose change shows in public. */
  changed: Set<number>;
  seen: Set<number>;
  timer: NodeJS.Timeout | undefined;
  /** The recording's address, for links to a moment in it. */
  recording: string | null;
  /**
   * The whole public list for pages that reconnect, while it is being read: when a process drains,
   * its crowd reconnects to the others within seconds, and they share one read, not one each.
   */
  catchUp: Promise<Buffer> | undefined;
}

export interface HearingLive {
  /**
   * Opens a stream of the hearing's changes. `catchUp`: the page lost its stream and may have
   * missed changes, so a viewer is sent the whole public list once (`event: all`).
   */
  follow(
    reply: FastifyReply,
    hearingId: number,
    as: 'viewer' | 'moderator',
    recording: string | null,
    catchUp?: boolean,
  ): void;
  readonly size: number;
}

export function hearingLive(app: FastifyInstance): HearingLive {
  const streams = eventStreams(app);
  const groups = new Map<number, Group>();
  let listening = false;

  const flush = async (hearingId: number, group: Group) => {
    group.timer = undefined;
    const ids = [...group.changed];
    const seen = [...group.seen];
    group.changed.clear();
    group.seen.clear();
    if (group.viewers.size > 0 && seen.length > 0) {
      const found = await questionsByIds(deps(app), seen);
      const known = new Set(found.map((x) => x.id));
      const payload = [
        ...found.filter((x) => x.hearingId === hearingId).map((x) => liveQuestion(x, group.recording)),
        ...seen.filter((id) => !known.has(id)).map((id) => ({ id, gone: true as const })),
      ];
      // Encoded once for every page, not once per page.
      const message = Buffer.from(sseMessage('questions', JSON.stringify(payload)));
      for (const write of group.viewers) write(message);
    }
    const note = sseMessage('changed', JSON.stringify({ n: ids.length }));
    for (const write of group.moderators) write(note);
  };

  const receive = (payload: string) => {
    let parsed: { h?: unknown; q?: unknown; v?: unknown };
    try {
      parsed = JSON.parse(payload) as { h?: unknown; q?: unknown; v?: unknown };
    } catch {
      return;
    }
    if (typeof parsed.h !== 'number' || typeof parsed.q !== 'number') return;
    const group = groups.get(parsed.h);
    if (group === undefined) return;
    group.changed.add(parsed.q);
    if (parsed.v === 1) group.seen.add(parsed.q);
    const hearingId = parsed.h;
    group.timer ??= setTimeout(() => {
      flush(hearingId, group).catch((error: unknown) => app.log.error({ err: error }, 'hearing update failed'));
    }, gatherMs(group.viewers.size));
  };

  return {
    follow(reply, hearingId, as, recording, catchUp = false) {
      if (!listening) {
        listening = true;
        app.realtime.subscribe(QUESTIONS_CHANNEL, receive);
      }
      let group = groups.get(hearingId);
      if (group === undefined) {
        group = {
          viewers: new Set(),
          moderators: new Set(),
          changed: new Set(),
          seen: new Set(),
          timer: undefined,
          recording,
          catchUp: undefined,
        };
        groups.set(hearingId, group);
      }
      group.recording = recording;
      const own = group;
      const set = as === 'viewer' ? own.viewers : own.moderators;
      const heard = app.realtime.listening(QUESTIONS_CHANNEL);
      const write = streams.open(
        reply,
        () => {
          set.delete(write);
          if (own.viewers.size === 0 && own.moderators.size === 0) {
            if (own.timer !== undefined) clearTimeout(own.timer);
            groups.delete(hearingId);
          }
        },
        heard,
      );
      set.add(write);
      // Read once the process listens: a change after the read is heard; one before is in the list.
      if (catchUp && as === 'viewer')
        void heard
          .then(() => {
            own.catchUp ??= questionsOfHearings(deps(app), [hearingId])
              .then((all) =>
                Buffer.from(sseMessage('all', JSON.stringify(all.map((x) => liveQuestion(x, own.recording))))),
              )
              .finally(() => {
                own.catchUp = undefined;
              });
            return own.catchUp;
          })
          .then(write)
          .catch((error: unknown) => app.log.error({ err: error }, 'hearing catch-up failed'));
    },
    get size() {
      return streams.size;
    },
  };
}
