/**
 * npm run bench:sign-in — the cost of one sign-in: argon2id verify and hash alone, and a whole
 * POST /masuk through the app on PGlite (medians of 31 and 11 runs). Not part of npm test.
 */
import { hashPassword, verifyPassword } from '../src/accounts/passwords.ts';
import { Agent } from '../test/helpers/agent.ts';
import { buildTestApp } from '../test/helpers/app.ts';
import { createUser } from '../test/helpers/users.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const h = await hashPassword('correct horse battery staple');
const v: number[] = [];
for (let i = 0; i < 31; i++) {
  const t = performance.now();
  await verifyPassword(h, 'correct horse battery staple');
  v.push(performance.now() - t);
}
const hs: number[] = [];
for (let i = 0; i < 11; i++) {
  const t = performance.now();
  await hashPassword('correct horse battery staple');
  hs.push(performance.now() - t);
}
const t = await buildTestApp({ env: { LOG_LEVEL: 'silent' } });
const user = await createUser(t, 'citizen');
const s: number[] = [];
for (let i = 0; i < 31; i++) {
  const a = new Agent(t.app, `10.1.0.${i}`);
  await a.get('/masuk');
  const t0 = performance.now();
  const res = await a.post('/masuk', { email: user.email, password: user.password });
  s.push(performance.now() - t0);
  if (res.statusCode !== 303) throw new Error(String(res.statusCode));
}
console.log(
  `argon2id verify: median ${median(v).toFixed(1)} ms (n=31, min ${Math.min(...v).toFixed(1)}, max ${Math.max(...v).toFixed(1)})`,
);
console.log(`argon2id hash: median ${median(hs).toFixed(1)} ms (n=11)`);
console.log(
  `POST /masuk (citizen, PGlite, inject): median ${median(s).toFixed(1)} ms (n=31, min ${Math.min(...s).toFixed(1)}, max ${Math.max(...s).toFixed(1)})`,
);
await t.close();
