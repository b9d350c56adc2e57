/**
 * Overload: far more concurrent requests than the server can take. It must keep answering — the
 * work it can do with 200, the rest at once with 503 and Retry-After — keep its liveness probe
 * up, and serve normally again when the crowd is gone.
 */
import assert from 'node:assert/strict';
import { Agent as HttpAgent, request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startChild } from './helpers/child.ts';
import { childDataPlace, testEngine } from './helpers/database.ts';

let place: Awaited<ReturnType<typeof childDataPlace>>;
before(async () => {
  place = await childDataPlace();
});
after(() => place.remove());

/**
 * One GET; resolves with the status and Retry-After, or the error's code. A client waits 60 s:
 * long enough for a request that sat in the listen queue while a loaded 2-core machine rendered
 * the admitted pages, short enough to catch a server that queues without end.
 */
function get(
  url: string,
  agent: HttpAgent,
): Promise<{ status: number; retryAfter?: string | undefined } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent, timeout: 60_000 }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }),
      );
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe(`under overload (${testEngine})`, () => {
  test('answers 503 with Retry-After instead of collapsing, keeps /healthz up, and recovers', async () => {
    const server = startChild('src/server.ts', {
      ...place.env,
      PORT: '0',
      // What a 2-core server takes is found by the benchmark; here a low limit makes a crowd of
      // 500 at once "more than it can take" on any machine. It is kept low enough that the work
      // admitted (budget pages, one PGlite connection) ends within the 30 s a client waits even on
      // a shared, busy machine: at 100, a loaded CI machine left some admitted requests unanswered.
      OVERLOAD_MAX_IN_FLIGHT: '50',
      OVERLOAD_RETRY_AFTER_SECONDS: '3',
    });
    try {
      const [, address] = await server.waitFor(/is running at (http:\/\/\S+)/);
      // Budget pages draw their charts on the server: real work for every request.
      // Starting (migrations, demo data) keeps the event loop busy; the first quiet sample clears it.
      const servesPages = async () => {
        for (let i = 0; i < 40; i++) {
          const answer = await get(`${address}/anggaran`, new HttpAgent());
          if ('status' in answer && answer.status === 200) return true;
          await new Promise((r) => setTimeout(r, 250));
        }
        return false;
      };
      assert.ok(await servesPages(), 'serves pages once started');
      const answers: Awaited<ReturnType<typeof get>>[] = [];
      const health: Awaited<ReturnType<typeof get>>[] = [];
      for (let wave = 0; wave < 4; wave++) {
        // A crowd is many people: each wave comes on connections of its own, all at once.
        const agent = new HttpAgent({ maxSockets: 600 });
        const crowd = Array.from({ length: 500 }, (_, i) =>
          get(`${address}/anggaran?akun=5${i % 3 === 0 ? '' : '.1'}&x=${wave}-${i}`, agent),
        );
        health.push(await get(`${address}/healthz`, new HttpAgent()));
        answers.push(...(await Promise.all(crowd)));
        agent.destroy();
      }
      const statuses = new Map<string, number>();
      for (const a of answers) {
        const key = 'error' in a ? a.error : String(a.status);
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
      const summary = JSON.stringify(Object.fromEntries(statuses));
      // The crowd is counted as it arrives: much of it is turned away, not queued unseen (when the
      // count missed it, all 2,000 were admitted and the last waited for minutes on a busy machine).
      // On PostgreSQL the admitted work ends while a wave is still arriving, so more get in than on
      // PGlite: 53–58 % were admitted in the runs here that missed the old bound of half. Three
      // quarters stays far from the failure this guards against.
      assert.ok((statuses.get('200') ?? 0) < answers.length * 0.75, `a crowd was turned away at once: ${summary}`);
      const busy = answers.filter((a) => 'status' in a && a.status === 503);
      assert.ok(busy.length > 0, `some requests were turned away: ${summary}`);
      assert.ok(
        busy.every((a) => !('error' in a) && a.retryAfter === '3'),
        'every 503 says when to come back',
      );
      assert.ok(
        answers.every((a) => 'status' in a && (a.status === 200 || a.status === 503)),
        `every request got an answer, 200 or 503, none an error or a timeout: ${summary}`,
      );
      assert.ok(
        answers.some((a) => 'status' in a && a.status === 200),
        `the work it could do was done: ${summary}`,
      );
      assert.ok(
        health.every((h) => 'status' in h && h.status === 200),
        `liveness stays up: ${JSON.stringify(health)}`,
      );

      // The crowd is gone: pages are served again within a few seconds.
      assert.ok(await servesPages(), 'serves normally again');
    } finally {
      server.process.kill('SIGTERM');
      await server.exited;
    }
  });
});
