import { describe, expect, test } from "vitest";
import { normaliseHeader, targetOf, type ColumnTarget } from "../../src/input/header.js";

describe("normaliseHeader", () => {
  test.each([
    ["Reported On", "reported_on"],
    [" CASE-ID ", "case_id"],
    ["Child Views Recorded", "child_views_recorded"],
    ["child-views-recorded", "child_views_recorded"],
    ["CHILD_AGE", "child_age"],
    ["Reported  On", "reported_on"],
    ["Social Care - Referred On", "social_care_referred_on"],
    ["Officer Name", "officer_name"],
  ])("%j is %s", (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});

describe("targetOf", () => {
  test.each<[string, ColumnTarget]>([
    ["Force", { kind: "field", name: "force" }],
    [" CASE-ID ", { kind: "field", name: "case_id" }],
    ["Inspector Grade", { kind: "field", name: "inspector_grade" }],
    ["notes", { kind: "private" }],
    [" NOTES ", { kind: "private" }],
    ["Officer Name", { kind: "extra", name: "officer_name" }],
    ["extra", { kind: "extra", name: "extra" }],
  ])("%j goes to %j", (header, expected) => {
    expect(targetOf(header)).toEqual(expected);
  });
});
