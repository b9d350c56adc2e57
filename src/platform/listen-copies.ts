/**
 * More than one new connection accepted per turn of the event loop.
 *
 * Why: libuv (1.45 on, so Node 20) accepts one connection per turn and waits for the next poll
 * for the following one. A turn of a busy portal serves every connection that has a request
 * waiting, about 10 ms with 200 of them; so when 256 browsers connect at once, the last waits some
 * 256 turns, 2 s, in the kernel's queue before its first request is even read. A bare Node server
 * shows it too (p99 0.5–0.7 s over 3 s at 256 new connections).
 *
 * How: the listening socket is passed to a short-lived helper process and back over IPC, which
 * gives this process further descriptors of the same socket. Each is polled on its own, so a turn
 * accepts up to one connection per descriptor; every connection goes to the one HTTP server, so
 * timeouts, keep-alive, the page cache and draining behave exactly as for its own.
 */
import { spawn } from 'node:child_process';
import type { Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';

export interface ListenCopies {
  /** Descriptors listening besides the server's own. */
  readonly count: number;
  /** Stops accepting on every copy (the server's own descriptor is closed with the server). */
  close(): void;
}

/**
 * Sends every socket handle it gets straight back, and ends when the portal lets go of it. It gets
 * the bare handle, not a server: a server would listen in the helper too, and a connection it
 * accepted there would be lost when it ends.
 */
const echo = `process.on('message', (m, h) => process.send(m, h)); process.on('disconnect', () => process.exit(0));`;

/**
 * Adds `copies - 1` descriptors of `server`'s listening socket, each handing its connections to
 * `server`. Refused by the helper, or not done in 5 s: the server goes on with its own alone.
 */
export async function listenCopies(
  server: HttpServer,
  copies: number,
  warn: (message: string) => void,
): Promise<ListenCopies> {
  const listening: Server[] = [];
  const close = () => {
    for (const copy of listening) copy.close();
  };
  if (copies <= 1) return { count: 0, close };
  const helper = spawn(process.execPath, ['-e', echo], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer in 5 s')), 5000);
      helper.once('error', reject);
      helper.once('exit', (code) => reject(new Error(`the helper ended (${code})`)));
      helper.on('message', (_message, handle) => {
        // What http.Server does for the connections it accepts itself: small answers are not
        // held back waiting for more to send.
        const copy = createServer((socket: Socket) => {
          socket.setNoDelay(true);
          server.emit('connection', socket);
        });
        // Without a listener, a failed listen or accept would end the process; instead the
        // start goes on without copies, or a copy that fails later stops, with a warning.
        copy.on('error', (error) => {
          if (listening.includes(copy)) warn(`a listening copy stopped: ${error.message}`);
          else reject(error);
          copy.close();
        });
        copy.listen(handle, () => {
          listening.push(copy);
          if (listening.length === copies - 1) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      // Node sends a bare handle (its `_handle`) as it is, where a server is listened on when it arrives.
      const bare = (server as unknown as { _handle: unknown })._handle as Server;
      for (let i = 1; i < copies; i++) helper.send('copy', bare);
    });
  } catch (error) {
    close();
    listening.length = 0;
    warn(`one listening socket only: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    helper.removeAllListeners();
    if (helper.connected) helper.disconnect();
  }
  return { count: listening.length, close };
}
