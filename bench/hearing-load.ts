/**
 * The crowd of a streamed hearing, as its own process beside the portal (started by bench/run.ts):
 * signs citizens in through /masuk, opens N Server-Sent Event streams of /siaran/:id/langsung, says
 * "ready", then asks questions through the real form at a steady rate (each account within the
 * portal's five in ten minutes, each request from an address of its own) and supports approved
 * questions at the same rate from new browsers, until SIGTERM. Then it prints one JSON line: how
 * many streams stayed open, how many messages they received, and how long a supported question
 * took from its request to the streams (timed on ten of them), besides the answers to the writes.
 *
 *   node --import tsx bench/hearing-load.ts '{"address":"http://…","hearing":1,"streams":2000,"rate":50,"emails":[…],"password":"…","questions":[1,2]}'
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';

interface Options {
  address: string;
  hearing: number;
  streams: number;
  rate: number;
  emails: string[];
  password: string;
  /** Approved questions to support. */
  questions: number[];
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const base = new URL(options.address);
let ip = 0;
const nextIp = () => {
  ip++;
  return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
};

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair = ''] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function page(path: string, jar: Map<string, string>, from: string) {
  const res = await fetch(new URL(path, base), {
    headers: { cookie: cookieHeader(jar), 'x-forwarded-for': from },
  });
  cookiesOf(res, jar);
  return res.text();
}

async function post(path: string, jar: Map<string, string>, from: string, form: Record<string, string>) {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: cookieHeader(jar),
      'x-forwarded-for': from,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  });
  cookiesOf(res, jar);
  await res.arrayBuffer();
  return res.status;
}

/** A signed-in citizen with the token of the hearing's form. */
async function citizen(email: string) {
  const jar = new Map<string, string>();
  const from = nextIp();
  const signIn = tokenOf(await page('/masuk', jar, from));
  const status = await post('/masuk', jar, from, { _csrf: signIn, email, password: options.password });
  if (status !== 303) throw new Error(`sign-in of ${email} answered ${status}`);
  const token = tokenOf(await page(`/siaran/${options.hearing}`, jar, from));
  return { jar, token };
}

// ------------------------------------------------------------------ the streams

const agent = new HttpAgent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
/** The last support of each question not yet seen by every timed stream: when it was sent, who saw it. */
const pending = new Map<number, { sent: number; seen: Set<number> }>();
const latencies: number[] = [];
let messages = 0;
let open = 0;
let refused = 0;
const refusedBy: Record<string, number> = {};
let closedEarly = 0;

function stream(index: number): Promise<void> {
  return new Promise((resolve) => {
    const req = httpRequest(
      { host: base.hostname, port: base.port, path: `/siaran/${options.hearing}/langsung`, agent },
      (res) => {
        if (res.statusCode !== 200) {
          refused++;
          refusedBy[String(res.statusCode)] = (refusedBy[String(res.statusCode)] ?? 0) + 1;
          res.resume();
          resolve();
          return;
        }
        open++;
        resolve();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            if (!message.startsWith('event: questions')) continue;
            messages++;
            // Ten streams are timed: parsing every message of thousands would load this process.
            if (index >= 10) continue;
            const data = /^data: (.*)$/m.exec(message)?.[1];
            const now = performance.now();
            for (const q of JSON.parse(data ?? '[]') as { id: number }[]) {
              const entry = pending.get(q.id);
              if (entry === undefined || entry.seen.has(index)) continue;
              entry.seen.add(index);
              latencies.push(now - entry.sent);
            }
          }
        });
        res.on('close', () => {
          if (!stopping) closedEarly++;
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      refused++;
      refusedBy[error.code ?? 'error'] = (refusedBy[error.code ?? 'error'] ?? 0) + 1;
      resolve();
    });
    req.end();
  });
}

let stopping = false;
const accounts = await (async () => {
  const all: Awaited<ReturnType<typeof citizen>>[] = [];
  // A few at a time: each sign-in verifies a password (argon2id) on the portal.
  for (let i = 0; i < options.emails.length; i += 4)
    all.push(...(await Promise.all(options.emails.slice(i, i + 4).map(citizen))));
  return all;
})();
for (let i = 0; i < options.streams; i += 200)
  await Promise.all(Array.from({ length: Math.min(200, options.streams - i) }, (_, k) => stream(i + k)));
console.log(
  `ready ${open} streams open, ${refused} refused ${JSON.stringify(refusedBy)}, ${accounts.length} citizens signed in`,
);

// ------------------------------------------------------------------ the writes

const asked = { ok: 0, refused: 0, failed: 0 };
const askedRefusedBy: Record<string, number> = {};
const supported = { ok: 0, failed: 0 };
let turn = 0;
const use = new Map<number, number>();
const started = performance.now();
let due = 0;
const timer = setInterval(() => {
  // As many as the time since the start asks for, not a fixed number per tick: a timer runs late
  // on a busy machine, and a crowd that fell behind would ask fewer than it says (45.6 of 50/s).
  const owed = Math.floor(((performance.now() - started) / 1000) * options.rate) - due;
  due += owed;
  for (let k = 0; k < owed; k++) {
    turn++;
    const who =
      accounts.find((_, i) => (use.get(i) ?? 0) < 5 && i >= turn % accounts.length) ??
      accounts.find((_, i) => (use.get(i) ?? 0) < 5);
    if (who !== undefined) {
      const i = accounts.indexOf(who);
      use.set(i, (use.get(i) ?? 0) + 1);
      post(`/siaran/${options.hearing}/tanya`, who.jar, nextIp(), {
        _csrf: who.token,
        body: `Pertanyaan uji beban nomor ${turn}: bagaimana rencana penanganan banjir di kelurahan kami?`,
        name: '',
      })
        .then((status) => {
          if (status === 303) asked.ok++;
          else {
            asked.refused++;
            askedRefusedBy[String(status)] = (askedRefusedBy[String(status)] ?? 0) + 1;
          }
        })
        .catch(() => asked.failed++);
    } else asked.refused++;
    const question = options.questions[turn % options.questions.length];
    if (question !== undefined) {
      const jar = new Map<string, string>();
      const from = nextIp();
      page(`/siaran/${options.hearing}`, jar, from)
        .then((html) => {
          pending.set(question, { sent: performance.now(), seen: new Set() });
          return post(`/siaran/pertanyaan/${question}/dukung`, jar, from, { _csrf: tokenOf(html) });
        })
        .then((status) => {
          if (status === 303) supported.ok++;
          else supported.failed++;
        })
        .catch(() => supported.failed++);
    }
  }
}, 100);

process.on('SIGTERM', () => {
  stopping = true;
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  console.log(
    JSON.stringify({
      streams: options.streams,
      open,
      refused,
      refusedBy,
      closedEarly,
      seconds,
      asked: { ...asked, refusedBy: askedRefusedBy, perSecond: asked.ok / seconds },
      supported: { ...supported, perSecond: supported.ok / seconds },
      messages,
      messagesPerStreamPerSecond: open === 0 ? 0 : messages / open / seconds,
      supportToStreamMs: { p50: at(0.5), p99: at(0.99), samples: sorted.length },
    }),
  );
  process.exit(0);
});
