import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import { listenCopies } from './listen-copies.ts';

/**
 * Connects `count` clients while this process's event loop is held up (as a busy portal's is),
 * then lets it go and counts how many of them the server accepted in each turn of the loop.
 */
async function burst(server: Server, count: number): Promise<{ perTurn: number[]; clients: Socket[] }> {
  const address = server.address();
  assert.ok(typeof address === 'object' && address !== null);
  let turn = 0;
  let counting = true;
  const tick = () => {
    turn++;
    if (counting) setImmediate(tick);
  };
  const accepted: number[] = [];
  const onConnection = () => {
    accepted[turn] = (accepted[turn] ?? 0) + 1;
  };
  server.on('connection', onConnection);
  const clients = Array.from({ length: count }, () => connect(address.port, '127.0.0.1'));
  // net.connect starts connecting on the next tick; past it the kernel has every handshake done.
  await new Promise((resolve) => process.nextTick(resolve));
  const until = Date.now() + 150;
  while (Date.now() < until) {
    // Busy, as a turn that serves hundreds of requests is: nothing is accepted meanwhile.
  }
  setImmediate(tick);
  while (accepted.reduce((s, n) => s + n, 0) < count) await new Promise((resolve) => setTimeout(resolve, 5));
  counting = false;
  server.off('connection', onConnection);
  return { perTurn: accepted.filter((n) => n !== undefined), clients };
}

async function answerOf(client: Socket): Promise<string> {
  let text = '';
  client.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  client.write('GET / HTTP/1.1\r\nHost: portal\r\nConnection: close\r\n\r\n');
  await once(client, 'end');
  return text;
}

async function served() {
  const server = createServer((_request, response) => {
    response.end('siap');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

describe('accepting a crowd of new connections', () => {
  test('Node alone accepts one connection per turn of its event loop, however many wait', async () => {
    const server = await served();
    const { perTurn, clients } = await burst(server, 12);
    assert.ok(
      perTurn.every((n) => n === 1),
      `accepted per turn: ${perTurn.join(', ')}`,
    );
    for (const client of clients) client.destroy();
    server.close();
  });

  test('with copies of the listening socket a turn accepts one per copy, and the one server answers them all', async () => {
    const server = await served();
    const warnings: string[] = [];
    const copies = await listenCopies(server, 8, (m) => warnings.push(m));
    assert.deepEqual(warnings, []);
    assert.equal(copies.count, 7);
    const { perTurn, clients } = await burst(server, 24);
    assert.ok(Math.max(...perTurn) >= 4, `accepted per turn: ${perTurn.join(', ')}`);
    const answers = await Promise.all(clients.map(answerOf));
    for (const answer of answers) {
      assert.match(answer, /^HTTP\/1\.1 200 OK/);
      assert.match(answer, /\r\n\r\nsiap$/);
    }
    const address = server.address();
    assert.ok(typeof address === 'object' && address !== null);
    copies.close();
    server.close();
    await once(server, 'close');
    // Closed everywhere: no copy is left accepting for a server that has gone.
    const late = connect(address.port, '127.0.0.1');
    const [error] = (await once(late, 'error')) as [NodeJS.ErrnoException];
    assert.equal(error.code, 'ECONNREFUSED');
  });

  test('connections arriving while the copies are made are all answered: the helper never takes one', async () => {
    const server = await served();
    const address = server.address();
    assert.ok(typeof address === 'object' && address !== null);
    const answers: Promise<string>[] = [];
    let making = true;
    const arriving = (async () => {
      while (making) {
        const client = connect(address.port, '127.0.0.1');
        await once(client, 'connect');
        answers.push(answerOf(client));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const copies = await listenCopies(server, 16, (m) => assert.fail(m));
    // The helper ends once it has let go: some arrivals after that too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    making = false;
    await arriving;
    assert.ok(answers.length > 20, `${answers.length} connections`);
    for (const answer of await Promise.all(answers)) assert.match(answer, /^HTTP\/1\.1 200 OK/);
    copies.close();
    server.close();
  });

  test('one copy asked for is the server alone, with no helper started', async () => {
    const server = await served();
    const copies = await listenCopies(server, 1, () => assert.fail('no warning'));
    assert.equal(copies.count, 0);
    copies.close();
    server.close();
  });
});
