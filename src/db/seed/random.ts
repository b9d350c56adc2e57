/**
 * A small seeded pseudo-random generator (mulberry32) for the demo seeds: the same seed gives the
 * same demo on every machine, so a page in a screenshot or a test looks the same everywhere.
 */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
