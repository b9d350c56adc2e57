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
});
