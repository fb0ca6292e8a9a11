// mulberry32: a small seeded generator, so that a failing case can be replayed from its seed. Plain
// JavaScript, one copy for the tests, the benchmarks (bench/) and the fixture generator (fixtures/).

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
