/**
 * Every feature of the portal, in the order the app registers them. Adding a feature is a folder
 * with an `index.ts` and one line here; the app, the server and the texts pick it up from this list.
 */
import { feature as accounts } from './accounts/index.ts';
import { feature as agenda } from './agenda/index.ts';
import { feature as api } from './api/index.ts';
import { feature as appointments } from './appointments/index.ts';
import { feature as aspirations } from './aspirations/index.ts';
import { feature as audit } from './audit/index.ts';
import { feature as backoffice } from './backoffice/index.ts';
import { feature as budget } from './budget/index.ts';
import { feature as consultations } from './consultations/index.ts';
import { feature as council } from './council/index.ts';
import { feature as dashboard } from './dashboard/index.ts';
import { feature as drafts } from './drafts/index.ts';
import { feature as forums } from './forums/index.ts';
import { feature as glossary } from './glossary/index.ts';
import { feature as hearings } from './hearings/index.ts';
import { feature as home } from './home/index.ts';
import { feature as informationRequests } from './information-requests/index.ts';
import { feature as insights } from './insights/index.ts';
import { feature as installableApp } from './installable-app/index.ts';
import { feature as kiosk } from './kiosk/index.ts';
import { feature as members } from './members/index.ts';
import { feature as news } from './news/index.ts';
import { feature as openData } from './open-data/index.ts';
import { feature as open311 } from './open311/index.ts';
import { feature as performance } from './performance/index.ts';
import type { Feature } from './platform/feature.ts';
import { addMessages } from './platform/i18n.ts';
import { feature as pokir } from './pokir/index.ts';
import { feature as projects } from './projects/index.ts';
import { feature as regulations } from './regulations/index.ts';
import { feature as reports } from './reports/index.ts';
import { feature as reses } from './reses/index.ts';
import { feature as search } from './search/index.ts';
import { feature as surveys } from './surveys/index.ts';
import { feature as textMessages } from './text-messages/index.ts';
import { feature as training } from './training/index.ts';

export const features: readonly Feature[] = [
  home,
  members,
  news,
  council,
  api,
  accounts,
  backoffice,
  dashboard,
  insights,
  audit,
  aspirations,
  open311,
  textMessages,
  agenda,
  regulations,
  drafts,
  consultations,
  forums,
  hearings,
  appointments,
  kiosk,
  reses,
  pokir,
  surveys,
  performance,
  reports,
  informationRequests,
  training,
  budget,
  projects,
  openData,
  search,
  installableApp,
  glossary,
];

// The texts are there as soon as the list is loaded: services that word a mail need them too.
for (const feature of features) addMessages(feature.messages);
