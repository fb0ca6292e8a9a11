// @ts-check
// A custom rule written in JavaScript and type-checked by TypeScript (see tsconfig.json here):
// a child already referred several times should not be assessed as standard risk.
import { z } from "zod";
import { defineRule } from "audit";

/** @typedef {import("audit").Case} Case */
/** @typedef {import("audit").Finding} Finding */

const TIMES = "expected a whole number of previous referrals";

export const repeatReferrals = defineRule({
  id: "repeat-referrals",
  description: "A child referred repeatedly was assessed as at least medium risk, with a strategy discussion",
  fields: ["previous_referrals", "risk_level", "strategy_discussion_on"],
  codes: ["risk-too-low", "no-strategy-discussion"],
  options: z.object({ threshold: z.int(TIMES).min(1, TIMES).default(2) }).strict(),
  evaluate(record, options) {
    const text = (record.extra.previous_referrals ?? "").trim();
    if (!/^\d+$/.test(text) || Number(text) < options.threshold) return { rating: "n/a", findings: [] };
    const times = `child referred ${text} times before`;
    if (record.risk_level === undefined || record.risk_level === "standard") {
      /** @type {Finding} */
      const finding = {
        code: "risk-too-low",
        message: `${times}, but risk ${record.risk_level ?? "not recorded"}; expected at least medium`,
        fields: ["previous_referrals", "risk_level"],
      };
      return { rating: "inadequate", findings: [finding] };
    }
    if (!strategyDiscussionHeld(record)) {
      const message = `${times}, and no strategy discussion recorded`;
      return { rating: "adequate", findings: [{ code: "no-strategy-discussion", message, fields: ["previous_referrals", "strategy_discussion_on"] }] };
    }
    return { rating: "good", findings: [] };
  },
  examples: [
    { rating: "good", summary: "third referral, high risk, strategy discussion held", record: { previous_referrals: "2", risk_level: "high", strategy_discussion_on: "2015-07-03" } },
    { rating: "adequate", summary: "third referral, medium risk, no strategy discussion", record: { previous_referrals: "2", risk_level: "medium" } },
    { rating: "inadequate", summary: "fifth referral, assessed as standard risk", record: { previous_referrals: "4", risk_level: "standard" } },
    { rating: "n/a", summary: "first referral", record: { previous_referrals: "0" } },
  ],
});

/** @param {Case} record */
function strategyDiscussionHeld(record) {
  return record.strategy_discussion_on !== undefined;
}
