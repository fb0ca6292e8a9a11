/** fast-check runs for a property; AUDIT_FUZZ_SCALE=20 turns the suite into a longer soak. */
export const runs = (numRuns: number) => Math.max(1, Math.round(numRuns * Number(process.env.AUDIT_FUZZ_SCALE ?? 1)));
