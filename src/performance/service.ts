/**
 * Public performance (/kinerja): the aspiration service's figures for a period and a filter, and
 * the satisfaction index of each service unit from its latest ended IKM survey. The figures
 * themselves come from the features that hold the data, through their services.
 */
import {
  allChannels,
  monthsBetween,
  type PerformanceFigures,
  type PerformanceFilter,
  performanceFigures,
  type Spike,
  spikes,
} from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import type { AspirationChannel } from '../db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import type { Translate } from '../platform/i18n.ts';
import { jakartaDay } from '../platform/working-days.ts';
import { endedIkm, type IkmFigure } from '../surveys/service.ts';

/** What the page's filter form sends: months as YYYY-MM and names as they appear in addresses. */
export interface FilterInput {
  dari?: string | undefined;
  sampai?: string | undefined;
  komisi?: string | undefined;
  dapil?: string | undefined;
  kecamatan?: string | undefined;
  kategori?: string | undefined;
  kanal?: string | undefined;
}

export interface Choices {
  komisi: { value: string; label: string; id: number }[];
  dapil: { value: string; number: number; id: number }[];
  kecamatan: { value: string; label: string; id: number }[];
  categories: { value: string; label: string; id: number }[];
  channels: readonly AspirationChannel[];
}

export interface PerformanceView {
  filter: PerformanceFilter;
  /** The form's values as understood (an unknown value is dropped). */
  values: FilterInput;
  /** Whether something in the filter could not be understood. */
  refused: boolean;
  choices: Choices;
  figures: PerformanceFigures;
  ikm: IkmFigure[];
  /** What is rising this week by category × kecamatan (the page shows it; the CSV does not). */
  rising: Spike[];
  names: { komisi: Map<number, string>; kecamatan: Map<number, string> };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** At most five years at once. */
const MAX_MONTHS = 60;

/** The last twelve months up to this one. */
function defaultPeriod(): { from: string; until: string } {
  const until = jakartaDay(new Date()).slice(0, 7);
  const [year, month] = until.split('-').map(Number) as [number, number];
  const from = month === 12 ? `${year}-01` : `${year - 1}-${String(month + 1).padStart(2, '0')}`;
  return { from, until };
}

export async function performanceView(
  deps: Deps,
  input: FilterInput,
  t: Translate,
  /** Whether the page's extras are wanted: each unit's IKM and what is rising (the CSV has neither). */
  options: { ikm: boolean } = { ikm: true },
): Promise<PerformanceView> {
  const structure = await getCouncil(deps.db);
  const choices: Choices = {
    komisi: structure.komisi.map((b) => ({ value: b.slug, label: b.name, id: b.id })),
    dapil: structure.dapil.map((d) => ({ value: String(d.number), number: d.number, id: d.id })),
    kecamatan: structure.kecamatan.map((k) => ({ value: k.slug, label: k.name, id: k.id })),
    categories: structure.categories.map((c) => ({ value: c.slug, label: c.name, id: c.id })),
    channels: allChannels,
  };
  let refused = false;
  const pick = <T extends { value: string }>(list: readonly T[], value: string | undefined): T | undefined => {
    if (value === undefined || value === '') return undefined;
    const found = list.find((x) => x.value === value);
    if (found === undefined) refused = true;
    return found;
  };
  const komisi = pick(choices.komisi, input.komisi);
  const dapil = pick(choices.dapil, input.dapil);
  const kecamatan = pick(choices.kecamatan, input.kecamatan);
  const category = pick(choices.categories, input.kategori);
  const channel =
    input.kanal === undefined || input.kanal === '' ? undefined : allChannels.find((c) => c === input.kanal);
  if (input.kanal !== undefined && input.kanal !== '' && channel === undefined) refused = true;

  let period = defaultPeriod();
  const asked = { from: input.dari ?? '', until: input.sampai ?? '' };
  if (asked.from !== '' || asked.until !== '') {
    const from = asked.from === '' ? period.from : asked.from;
    const until = asked.until === '' ? period.until : asked.until;
    if (MONTH.test(from) && MONTH.test(until) && from <= until && monthsBetween(from, until).length <= MAX_MONTHS)
      period = { from, until };
    else refused = true;
  }
  const filter: PerformanceFilter = {
    ...period,
    komisiId: komisi?.id,
    dapilId: dapil?.id,
    kecamatanId: kecamatan?.id,
    categoryId: category?.id,
    channel,
  };
  const [figures, ikm, rising] = await Promise.all([
    performanceFigures(deps, filter),
    options.ikm ? endedIkm(deps, t) : Promise.resolve([]),
    options.ikm ? spikes(deps) : Promise.resolve([]),
  ]);
  // The latest ended survey of each unit.
  const latest = new Map<string, IkmFigure>();
  for (const f of ikm) {
    const unit = f.survey.serviceUnit ?? '';
    const known = latest.get(unit);
    if (known === undefined || known.survey.closesOn < f.survey.closesOn) latest.set(unit, f);
  }
  return {
    filter,
    values: {
      dari: period.from,
      sampai: period.until,
      komisi: komisi?.value,
      dapil: dapil?.value,
      kecamatan: kecamatan?.value,
      kategori: category?.value,
      kanal: channel,
    },
    refused,
    choices,
    figures,
    ikm: [...latest.values()],
    rising,
    names: {
      komisi: new Map(structure.komisi.map((b) => [b.id, b.name])),
      kecamatan: new Map(structure.kecamatan.map((k) => [k.id, k.name])),
    },
  };
}
