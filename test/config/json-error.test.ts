import { expect, test } from "vitest";
import { jsonErrorOffset, lineAndColumn } from "../../src/config/json-error.js";

test.each<[string, string, string]>([
  ["a trailing comma", '{\n  "rules": {\n    "timeliness": "off",\n  }\n}', "4:3"],
  ["a missing value", '{ "rules": }', "1:12"],
  ["a missing colon", '{"a" 1}', "1:6"],
  ["an unquoted key", "{ rules: {} }", "1:3"],
  ["single quotes", "{ 'rules': {} }", "1:3"],
  ["a comment", '{\n  // rules\n  "rules": {}\n}', "2:3"],
  ["an unclosed object", '{ "rules": {}', "1:14"],
  ["an unclosed string", '{ "rules', "1:9"],
  ["empty text", "", "1:1"],
  ["text after the value", "{} x", "1:4"],
  ["a bad number", '{ "a": 01 }', "1:9"],
])("%s is placed at %s", (_name, text, place) => {
  expect(() => JSON.parse(text)).toThrow();
  expect(lineAndColumn(text, jsonErrorOffset(text))).toBe(place);
});
