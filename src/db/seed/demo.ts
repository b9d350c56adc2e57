/**
 * The demo: the council from councils/<name>/ and a year of fictional meetings, documents,
 * drafts, consultations, online hearings with questions, forum threads, projects, aspirations, news and a budget, loaded into an empty database (each part only when
 * its table is empty). Used by the server on first start and by the screenshot script.
 */

import type { Config } from '../../config.ts';
import { createSealer } from '../../platform/crypto.ts';
import { fileStore } from '../../platform/storage.ts';
import { jakartaDay } from '../../platform/working-days.ts';
import type { OpenDatabase } from '../index.ts';
import { seedDemoAppointments } from './appointments.ts';
import { seedDemoAspirations } from './aspirations.ts';
import { seedDemoBudget } from './budget.ts';
import { seedDemoConsultations } from './consultations.ts';
import { seedDemoForums } from './forums.ts';
import { seedDemoHearings } from './hearings.ts';
import { seedCouncil } from './index.ts';
import { seedDemoMeetings } from './meetings.ts';
import { seedDemoNews } from './news.ts';
import { seedDemoPokir } from './pokir.ts';
import { seedDemoProjects } from './projects.ts';
import { seedDemoPublicInformation } from './public-information.ts';
import { seedDemoDrafts, seedDemoRegulations } from './regulations.ts';
import { seedDemoReses } from './reses.ts';

export async function loadDemo(database: OpenDatabase, config: Config, say: (line: string) => void): Promise<void> {
  const { seeded } = await seedCouncil(database.db, config.seedCouncil);
  if (seeded) say(`Loaded the demo council from councils/${config.seedCouncil}/`);
  const council = await database.db.selectFrom('council').select('id').orderBy('id').executeTakeFirstOrThrow();
  const year = Number(jakartaDay(new Date()).slice(0, 4));
  const { meetings } = await seedDemoMeetings(database.db, council.id, year);
  if (meetings > 0) say(`Loaded ${meetings} demo meetings of ${year} (fictional)`);
  const { regulations } = await seedDemoRegulations(database.db, council.id, fileStore(config));
  if (regulations > 0) say(`Loaded ${regulations} demo legal documents (fictional)`);
  const { drafts } = await seedDemoDrafts(database.db, council.id, year);
  if (drafts > 0) say(`Loaded ${drafts} demo drafts of the ${year} Propemperda (fictional)`);
  const { consultations } = await seedDemoConsultations(database.db, council.id, jakartaDay(new Date()));
  if (consultations > 0) say(`Loaded ${consultations} demo public consultations with comments (fictional)`);
  const { hearings } = await seedDemoHearings(database.db, council.id);
  if (hearings > 0) say(`Loaded ${hearings} demo online hearings with citizens' questions (fictional)`);
  const { threads } = await seedDemoForums(database.db, council.id);
  if (threads > 0) say(`Loaded ${threads} demo forum threads with replies (fictional)`);
  const { projects } = await seedDemoProjects(database.db, council.id, year, jakartaDay(new Date()));
  if (projects > 0) say(`Loaded ${projects} demo projects with progress reports (fictional)`);
  const sealer = createSealer(config.dataKeys, config.lookupKey);
  const { aspirations } = await seedDemoAspirations(database.db, council.id, sealer);
  if (aspirations > 0) say(`Loaded ${aspirations} demo aspirations with their handling (fictional)`);
  const room = await seedDemoAppointments(database.db, council.id, jakartaDay(new Date()), sealer);
  if (room.slots > 0)
    say(`Loaded ${room.slots} demo opening times of the aspiration room and ${room.appointments} bookings (fictional)`);
  const reses = await seedDemoReses(database.db, council.id, jakartaDay(new Date()));
  if (reses.reports > 0) say(`Loaded a demo reses period with ${reses.reports} members' reports (fictional)`);
  const pokir = await seedDemoPokir(database.db, council.id, jakartaDay(new Date()));
  if (pokir.items > 0)
    say(`Loaded ${pokir.items} demo pokir items at each step, with their aspirations and projects (fictional)`);
  const register = await seedDemoPublicInformation(database.db, council.id);
  if (register.entries > 0) say(`Loaded a demo register of ${register.entries} kinds of public information`);
  const news = await seedDemoNews(database.db, council.id);
  if (news.posts > 0) say(`Loaded ${news.posts} demo news posts of the last two months (fictional)`);
  const { lines } = await seedDemoBudget(database.db, council.id, year);
  if (lines > 0)
    say(`Loaded a demo ${year} budget of ${lines} lines (revenue about Rp 6.7 trillion; details fictional)`);
}
