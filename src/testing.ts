// `audit/testing`: what a plugin rule's author tests it with. Apart from the package's main entry,
// so that a plugin importing `audit` (for defineRule) loads none of it where it grades.
export { judgeRule, RuleTester } from "./rules/tester.js";
export type { Expected, ExpectedFinding, InvalidCase, RefusedOptions, RuleTests, TestFunctions, ValidCase } from "./rules/tester.js";
