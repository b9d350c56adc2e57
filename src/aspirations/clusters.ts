/**
 * Clusters of open aspirations about the same issue (issue 21, point 4), for handling in bulk.
 * Within each kecamatan, two open aspirations of the last CLUSTER_DAYS are linked when the cosine
 * of their tf-idf vectors over topical stems reaches CLUSTER_SIMILARITY; a cluster is a connected
 * group of two or more. Idf is taken over the open aspirations read, so a word every complaint
 * uses ("jalan") weighs little and a place or object named in few ("Margahayu", "SDN") weighs
 * much. Comparing only within a kecamatan keeps the work near n²/k, not n².
 */
import type { CouncilStructure } from '../council/service.ts';
import type { AspirationStatus } from '../db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { bagsOf } from '../platform/indonesian-text.ts';
import { pacer } from '../platform/text-classifier.ts';
import * as q from './queries.ts';

export const CLUSTER_DAYS = 60;
export const CLUSTER_SIMILARITY = 0.3;
/** The open aspirations read at most (the newest): enough for a council's two months. */
const READ_AT_MOST = 3000;

export interface ClusterItem {
  code: string;
  title: string;
  status: AspirationStatus;
  receivedAt: Date;
  place: string;
}

export interface Cluster {
  kecamatan: string;
  /** The stems most of its aspirations share, most shared first. */
  words: string[];
  /** Oldest first: the first is the one the others would be merged into. */
  items: ClusterItem[];
}

type Vector = Map<string, number>;

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [stem, w] of small) dot += w * (large.get(stem) ?? 0);
  return dot;
}

export async function openClusters(
  deps: Pick<Deps, 'db'>,
  structure: CouncilStructure,
  now = new Date(),
): Promise<Cluster[]> {
  const since = new Date(now.getTime() - CLUSTER_DAYS * 86_400_000);
  const rows = await q.openSince(deps.db, structure.council.id, since, READ_AT_MOST);
  const bags = await bagsOf(
    deps.db,
    rows.map((r) => `${r.title}. ${r.description}`),
  );
  const documents = new Map<string, number>();
  for (const bag of bags) for (const stem of bag.keys()) documents.set(stem, (documents.get(stem) ?? 0) + 1);
  const vectors: Vector[] = bags.map((bag) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [stem, n] of bag) {
      const w = (1 + Math.log(n)) * Math.log((rows.length + 1) / ((documents.get(stem) ?? 0) + 1) + 1);
      v.set(stem, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [stem, w] of v) v.set(stem, w / norm);
    return v;
  });

  // Union-find over the links found within each kecamatan.
  const parent = rows.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const groupedBy = (key: (i: number) => number) => {
    const out = new Map<number, number[]>();
    rows.forEach((_, i) => {
      const list = out.get(key(i));
      if (list === undefined) out.set(key(i), [i]);
      else list.push(i);
    });
    return out;
  };
  const byKecamatan = groupedBy((i) => (rows[i] as (typeof rows)[number]).kecamatan_id);
  const pace = pacer();
  for (const members of byKecamatan.values())
    for (let x = 0; x < members.length; x++) {
      await pace();
      const i = members[x] as number;
      for (let y = x + 1; y < members.length; y++) {
        const j = members[y] as number;
        if (cosine(vectors[i] as Vector, vectors[j] as Vector) >= CLUSTER_SIMILARITY) parent[root(i)] = root(j);
      }
    }

  const groups = groupedBy(root);
  const placeOf = (kecamatanId: number, kelurahanId: number | null) => {
    const kecamatan = structure.kecamatan.find((k) => k.id === kecamatanId);
    return kecamatan?.kelurahan.find((k) => k.id === kelurahanId)?.name ?? '';
  };
  return [...groups.values()]
    .filter((g) => g.length >= 2)
    .map((g) => {
      const shared = new Map<string, number>();
      for (const i of g) for (const stem of (bags[i] as Vector).keys()) shared.set(stem, (shared.get(stem) ?? 0) + 1);
      const first = rows[g[0] as number] as (typeof rows)[number];
      const items = g
        .map((i) => rows[i] as (typeof rows)[number])
        .sort((a, b) => a.received_at.getTime() - b.received_at.getTime() || a.id - b.id)
        .map((r) => ({
          code: r.code,
          title: r.title,
          status: r.status,
          receivedAt: r.received_at,
          place: placeOf(r.kecamatan_id, r.kelurahan_id),
        }));
      return {
        kecamatan: structure.kecamatan.find((k) => k.id === first.kecamatan_id)?.name ?? '',
        words: [...shared]
          .filter(([, n]) => n * 2 >= g.length)
          .sort((a, b) => b[1] - a[1] || (documents.get(a[0]) ?? 0) - (documents.get(b[0]) ?? 0))
          .slice(0, 6)
          .map(([stem]) => stem),
        items,
      };
    })
    .sort((a, b) => b.items.length - a.items.length || a.kecamatan.localeCompare(b.kecamatan));
}
