// A plugin rule for the fast path's tests: it reads a carried-through column (Team), fails on some
// cases (throws, or returns what is not a result), and has an option, so that each of these travels
// to the worker threads and back as the reference pipeline has it.
const FAILS = { 7: () => { throw new Error("no rule for seven-year-olds"); }, 8: () => ({ rating: "fine" }) };

export default {
  id: "fussy",
  description: "A case of the team the option names was seen by it",
  fields: ["child_age", "team"],
  options: { safeParse: (value) => ({ success: true, data: { team: "MASH", ...value } }) },
  evaluate(record, options) {
    const fails = FAILS[record.child_age];
    if (fails) return fails();
    const team = record.extra.team?.trim();
    if (!team) return { rating: "n/a", findings: [] };
    if (team === options.team) return { rating: "good", findings: [] };
    return { rating: "adequate", findings: [{ code: "other-team", message: `seen by another team than ${options.team}`, fields: ["team"] }] };
  },
};
