/** Surveys for tests: built and published by staff through the real back-office forms. */
import assert from 'node:assert/strict';
import { jakartaDay } from '../../src/platform/working-days.ts';
import type { Agent } from './agent.ts';
import type { TestApp } from './app.ts';

/** A published survey, open from today for 20 days, of one section and one required question; its id. */
export async function publishedSurvey(
  t: TestApp,
  staff: Agent,
  details: Record<string, string>,
  question: Record<string, string>,
): Promise<number> {
  await staff.get('/kelola/survei');
  const made = await staff.post('/kelola/survei', {
    opensOn: jakartaDay(new Date()),
    closesOn: jakartaDay(new Date(Date.now() + 20 * 86_400_000)),
    anonymous: 'yes',
    ...details,
  });
  const id = Number(/\/kelola\/survei\/(\d+)/.exec(String(made.headers.location))?.[1]);
  assert.ok(id > 0, `the survey was made: ${made.statusCode}`);
  const page = `/kelola/survei/${id}`;
  await staff.get(page);
  await staff.post(`${page}/bagian`, { sectionTitle: 'Penilaian', sectionIntro: '' });
  const section = await t.database.db
    .selectFrom('survey_section')
    .select('id')
    .where('survey_id', '=', id)
    .executeTakeFirstOrThrow();
  await staff.get(page);
  await staff.post(`${page}/pertanyaan`, { section: String(section.id), required: 'yes', ...question });
  await staff.get(page);
  assert.equal((await staff.post(`${page}/terbitkan`, {})).statusCode, 303);
  return id;
}
