/**
 * The kelurahan an aspiration's text names (issue 21, point 1). Citizens write the place in the
 * text ("depan pasar Margahayu", "kel. jati asih") more often than they pick it, and an SMS or a
 * WhatsApp message has no place field at all. The region's own kelurahan names are the gazetteer:
 * runs of one to three words of the text, written together without spaces, are compared with each
 * name written so, which also finds "Jati Asih" for Jatiasih. A name that follows "kecamatan" or
 * "kec" is the kecamatan, not a kelurahan of that name. Where several kelurahan match, those in a
 * kecamatan the text names (or, failing that, the one stored) are preferred; a suggestion is made
 * only when exactly one remains and it is not the kelurahan stored already. It is a rule, shown
 * with the words that matched, and staff decide.
 */
import type { CouncilStructure } from '../council/service.ts';

export interface PlaceSuggestion {
  kelurahanId: number;
  kelurahan: string;
  kecamatanId: number;
  kecamatan: string;
  /** The words of the text that named it. */
  said: string;
}

const squeezed = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const KECAMATAN_WORDS = new Set(['kecamatan', 'kec', 'kcmtn']);

export function kelurahanFromText(
  structure: CouncilStructure,
  text: string,
  current: { kecamatanId: number; kelurahanId: number | null },
): PlaceSuggestion | undefined {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  const kelurahan = new Map<string, { id: number; name: string; kecamatanId: number; kecamatan: string }[]>();
  const kecamatan = new Map<string, number>();
  for (const k of structure.kecamatan) {
    kecamatan.set(squeezed(k.name), k.id);
    for (const l of k.kelurahan) {
      const key = squeezed(l.name);
      kelurahan.set(key, [
        ...(kelurahan.get(key) ?? []),
        { id: l.id, name: l.name, kecamatanId: k.id, kecamatan: k.name },
      ]);
    }
  }
  const found = new Map<number, { place: NonNullable<ReturnType<typeof kelurahan.get>>[number]; said: string }>();
  const namedKecamatan = new Set<number>();
  // The longest run that names a place wins ("Jatibening Baru", not "Jatibening"); its words are used up.
  for (let i = 0; i < words.length; i++)
    for (let n = 3; n >= 1; n--) {
      if (i + n > words.length) continue;
      const run = words.slice(i, i + n);
      const key = run.join('');
      const afterKecamatan = i > 0 && KECAMATAN_WORDS.has(words[i - 1] as string);
      const k = kecamatan.get(key);
      const places = kelurahan.get(key) ?? [];
      if (afterKecamatan && k !== undefined) namedKecamatan.add(k);
      else for (const place of places) found.set(place.id, { place, said: run.join(' ') });
      if ((afterKecamatan && k !== undefined) || (!afterKecamatan && places.length > 0)) {
        i += n - 1;
        break;
      }
    }
  let candidates = [...found.values()];
  const preferred = (ids: Set<number>) => candidates.filter((c) => ids.has(c.place.kecamatanId));
  if (candidates.length > 1 && preferred(namedKecamatan).length > 0) candidates = preferred(namedKecamatan);
  if (candidates.length > 1 && preferred(new Set([current.kecamatanId])).length > 0)
    candidates = preferred(new Set([current.kecamatanId]));
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only === undefined || only.place.id === current.kelurahanId) return undefined;
  return {
    kelurahanId: only.place.id,
    kelurahan: only.place.name,
    kecamatanId: only.place.kecamatanId,
    kecamatan: only.place.kecamatan,
    said: only.said,
  };
}
