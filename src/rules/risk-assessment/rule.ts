import { workingDaysBetween } from "../../calendar/working-days.js";
import { builtInRule } from "../_built-in.js";
import { dateField, enumField, type CaseView } from "../case-view.js";
import { adequateIf, GOOD, inadequateIf, INADEQUATE, type Check } from "../checks.js";
import { delayLevel, workingDayLimits, workingDays } from "../_delay.js";

const REPORTED = dateField("reported_on");
const ASSESSED = dateField("risk_assessed_on");
const QUALITY = enumField("risk_assessment_quality");
const TIMING = ["reported_on", "risk_assessed_on"];
const QUALITY_FIELDS = ["risk_assessment_quality"];

export const riskAssessment = builtInRule({
  id: "risk-assessment",
  description: "A risk assessment of good quality was recorded within 1 working day of the report",
  fields: ["reported_on", "risk_assessed_on", "risk_assessment_quality"],
  codes: ["not-recorded", "poor-quality", "late", "slow", "adequate-quality", "quality-not-recorded"],
  defaults: { good: 1, adequate: 3 },
  options: workingDayLimits,
  checks(limits) {
    const days = (view: CaseView) => workingDaysBetween(view.day(REPORTED), view.day(ASSESSED));
    const timing: Check = {
      level: (view) => (view.recorded(ASSESSED) ? delayLevel(days(view), limits) : GOOD),
      finding: (view, level) => ({
        code: level === INADEQUATE ? "late" : "slow",
        message: `risk assessment ${workingDays(days(view))} after report; target ${limits.good}, at most ${limits.adequate}`,
        fields: TIMING,
      }),
    };
    return {
      checks: [
        inadequateIf("not-recorded", ["risk_assessed_on"], (view) => !view.recorded(ASSESSED), () => "risk assessment not recorded"),
        inadequateIf("poor-quality", QUALITY_FIELDS, (view) => view.word(QUALITY) === "poor", () => "risk assessment of poor quality; expected good"),
        timing,
        adequateIf("adequate-quality", QUALITY_FIELDS, (view) => view.word(QUALITY) === "adequate", () => "risk assessment of adequate quality; expected good"),
        adequateIf(
          "quality-not-recorded",
          QUALITY_FIELDS,
          (view) => !view.recorded(QUALITY),
          () => "risk assessment quality not recorded, so good quality is not evidenced",
        ),
      ],
    };
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
