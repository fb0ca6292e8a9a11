import { workingDaysBetween } from "../../calendar/working-days.js";
import { builtInRule } from "../_built-in.js";
import type { Finding } from "../define-rule.js";
import { rateDelay, workingDayLimits, workingDays } from "../_delay.js";

const TIMING = ["reported_on", "risk_assessed_on"];
const QUALITY = ["risk_assessment_quality"];

export const riskAssessment = builtInRule({
  id: "risk-assessment",
  description: "A risk assessment of good quality was recorded within 1 working day of the report",
  fields: ["reported_on", "risk_assessed_on", "risk_assessment_quality"],
  codes: ["not-recorded", "poor-quality", "late", "slow", "adequate-quality", "quality-not-recorded"],
  options: (z) => workingDayLimits(z, 1, 3),
  evaluate(record, limits) {
    const quality = record.risk_assessment_quality;
    const assessed = record.risk_assessed_on;
    const inadequate: Finding[] = [];
    if (!assessed) {
      const message = "risk assessment not recorded";
      inadequate.push({ code: "not-recorded", message, fields: ["risk_assessed_on"] });
    }
    if (quality === "poor") {
      const message = "risk assessment of poor quality; expected good";
      inadequate.push({ code: "poor-quality", message, fields: QUALITY });
    }
    const days = assessed ? workingDaysBetween(record.reported_on.day, assessed.day) : 0;
    const delay = rateDelay(days, limits);
    const target = `target ${limits.good}, at most ${limits.adequate}`;
    const timing = `risk assessment ${workingDays(days)} after report; ${target}`;
    if (assessed && delay === "inadequate") inadequate.push({ code: "late", message: timing, fields: TIMING });
    if (inadequate.length > 0) return { rating: "inadequate", findings: inadequate };

    const findings: Finding[] = [];
    if (delay === "adequate") findings.push({ code: "slow", message: timing, fields: TIMING });
    if (quality === "adequate") {
      const message = "risk assessment of adequate quality; expected good";
      findings.push({ code: "adequate-quality", message, fields: QUALITY });
    }
    if (quality === undefined) {
      findings.push({
        code: "quality-not-recorded",
        message: "risk assessment quality not recorded, so good quality is not evidenced",
        fields: QUALITY,
      });
    }
    return { rating: findings.length > 0 ? "adequate" : "good", findings };
  },
  examples: [
    {
      rating: "good",
      summary: "assessed the next working day, of good quality",
      record: { risk_assessed_on: "2015-07-03", risk_assessment_quality: "good" },
    },
    {
      rating: "adequate",
      summary: "assessed 3 working days after the report",
      record: { risk_assessed_on: "2015-07-07", risk_assessment_quality: "good" },
    },
    { rating: "inadequate", summary: "no risk assessment recorded", record: {} },
    {
      rating: "inadequate",
      summary: "assessed on the day, of poor quality",
      record: { risk_assessed_on: "2015-07-02", risk_assessment_quality: "poor" },
    },
  ],
});
