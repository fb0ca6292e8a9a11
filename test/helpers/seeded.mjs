// mulberry32: a small seeded generator, so that a failing case can be replayed from its seed. Plain
// JavaScript, one copy for the tests, the benchmarks (bench/) and the fixture generators (fixtures/, examples/).

/** @param {number} seed @returns {() => number} a number in [0, 1) at each call */
export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The draws the fixture generators make, all from one seeded generator: `int(lo, hi)` inclusive,
 * `chance(p)`, `pick(items)`, `weighted({ key: weight })` (a key in proportion to its weight) and
 * `shuffle(items)` in place (Fisher-Yates).
 * @param {number} seed
 */
export function draws(seed) {
  const rand = seeded(seed);
  /** @param {number} lo @param {number} hi */
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  /** @param {number} p */
  const chance = (p) => rand() < p;
  /** @template T @param {readonly T[]} items @returns {T} */
  const pick = (items) => items[Math.floor(rand() * items.length)];
  /** @param {Record<string, number>} weights */
  const weighted = (weights) => {
    const entries = Object.entries(weights).filter(([, w]) => w > 0);
    let r = rand() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) if ((r -= w) < 0) return key;
    return entries[entries.length - 1][0];
  };
  /** @template T @param {T[]} items */
  const shuffle = (items) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  return { rand, int, chance, pick, weighted, shuffle };
}
