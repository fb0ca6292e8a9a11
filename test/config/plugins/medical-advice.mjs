// The medical-advice rule written in JavaScript, to the same logic as the rule written in the
// config (test/e2e/declarative-vs-plugin.test.ts): the same ratings, findings and messages, not-recorded
// fields included. It counts working days with the built calendar, as the config's working_days() does.
import { workingDaysBetween } from "../../../dist/calendar/working-days.js";

const notRecorded = (field) => ({ rating: "adequate", findings: [{ code: "not-recorded", message: `${field} not recorded`, fields: [field] }] });

export default {
  id: "medical-advice",
  description: "A doctor was consulted when a child under 13 disclosed sexual abuse",
  fields: ["reported_on", "child_age", "concern", "strategy_discussion_on", "agencies_consulted"],
  evaluate(record) {
    if (!record.concern.includes("sexual_abuse")) return { rating: "n/a", findings: [] };
    if (record.child_age === undefined) return notRecorded("child_age");
    if (record.child_age >= 13) return { rating: "n/a", findings: [] };
    if (!record.agencies_consulted.includes("health")) {
      return { rating: "inadequate", findings: [{ code: "no-doctor", message: "no doctor or health professional consulted", fields: ["agencies_consulted"] }] };
    }
    if (record.strategy_discussion_on === undefined) return notRecorded("strategy_discussion_on");
    const days = workingDaysBetween(record.reported_on.day, record.strategy_discussion_on.day);
    if (days <= 1) return { rating: "good", findings: [] };
    const message = `strategy discussion ${days} working days after report; target 1`;
    return { rating: "adequate", findings: [{ code: "late-strategy", message, fields: ["reported_on", "strategy_discussion_on"] }] };
  },
};
