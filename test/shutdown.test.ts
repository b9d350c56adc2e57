import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { startChild } from './helpers/child.ts';
import { childDataPlace, testEngine } from './helpers/database.ts';

let place: Awaited<ReturnType<typeof childDataPlace>>;
before(async () => {
  place = await childDataPlace();
});
after(() => place.remove());

function get(url: string): Promise<{ status: number; body: string; finishedAt: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, finishedAt: performance.now() }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

test(`SIGTERM finishes the requests in flight, then the server exits cleanly (${testEngine})`, async () => {
  const server = startChild('src/server.ts', { ...place.env, PORT: '0' });
  const [, address] = await server.waitFor(/is running at (http:\/\/\S+)/);

  // Many page requests at once: the server cannot finish them all before the signal arrives.
  const requests = Array.from({ length: 60 }, () => get(`${address}/anggota`));
  const first = await Promise.race(requests);
  const signalledAt = performance.now();
  server.process.kill('SIGTERM');
  const responses = await Promise.all(requests);
  const { code } = await server.exited;

  assert.equal(code, 0, 'the server exits with success');
  assert.equal(first.status, 200);
  for (const res of responses) {
    assert.equal(res.status, 200);
    assert.ok(res.body.trimEnd().endsWith('</html>'), 'every page arrives whole');
  }
  assert.ok(
    responses.some((r) => r.finishedAt > signalledAt),
    'some requests were still in flight when the signal came, and were finished',
  );
  assert.match(server.output.join('\n'), /SIGTERM: shutting down, finishing requests in flight/);
  // The scheduled jobs begun at the start are stopped and awaited before the database closes: none
  // of them fails on a closed database.
  assert.doesNotMatch(server.output.join('\n'), /"level":(50|60)/);
});

test(`while draining, a page from the page cache closes its kept-alive connection (${testEngine})`, async () => {
  const server = startChild('src/server.ts', { ...place.env, PORT: '0', SHUTDOWN_QUIET_MS: '3000' });
  const [, address] = await server.waitFor(/is running at (http:\/\/\S+)/);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const fetchOn = (url: string) =>
    new Promise<{ status: number; connection: string | undefined; cache: string | undefined }>((resolve, reject) => {
      http
        .get(url, { agent }, (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              connection: res.headers.connection,
              cache: res.headers['x-page-cache'] as string | undefined,
            }),
          );
        })
        .on('error', reject);
    });
  try {
    // The second request is answered from the page cache, and the connection stays open.
    await fetchOn(`${address}/anggota`);
    const cached = await fetchOn(`${address}/anggota`);
    assert.equal(cached.status, 200);
    assert.equal(cached.cache, 'hit');
    assert.equal(cached.connection, 'keep-alive');

    server.process.kill('SIGTERM');
    await server.waitFor(/SIGTERM: shutting down/);
    // A client reusing the connection gets its page, and is told to open a new one elsewhere:
    // the server never closes a connection under a request that may be on its way.
    const during = await fetchOn(`${address}/anggota`);
    assert.equal(during.status, 200);
    assert.equal(during.connection, 'close');
    assert.equal((await server.exited).code, 0);
  } finally {
    agent.destroy();
    server.process.kill('SIGTERM');
  }
});
