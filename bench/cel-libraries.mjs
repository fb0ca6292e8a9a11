// How the CEL libraries for JavaScript compare (docs/dependencies.md): correctness on the CEL
// conformance tests that need no protobuf messages (from @bufbuild/cel-spec), the speed of one
// compiled expression over 1M cases, and install size. The candidates are not dependencies:
//   npm install --no-save @bufbuild/cel@0.6.1 @bufbuild/cel-spec@0.6.1 && node bench/cel-libraries.mjs
// Pass a library's name to list its failures.
import { execFileSync } from "node:child_process";
import { Environment } from "@marcbachmann/cel-js";
import { UnsignedInt } from "@marcbachmann/cel-js/evaluator";

let buf, spec;
try {
  buf = await import("@bufbuild/cel");
  spec = await import("@bufbuild/cel-spec/testdata/tests.js");
} catch {
  console.error("install the candidates first: npm install --no-save @bufbuild/cel@0.6.1 @bufbuild/cel-spec@0.6.1");
  process.exit(2);
}
const { run, isCelList, isCelMap, isCelUint, isCelType, isCelError, celUint, celEnv, parse, plan, CelScalar, listType } = buf;

const json = (v) => JSON.stringify(v, (k, x) => (k === "$typeName" ? undefined : typeof x === "bigint" ? x.toString() : x instanceof Uint8Array ? [...x] : x));
/** Tests that need protobuf messages, enums or declared functions: neither library is given them here. */
const NEEDS_PROTOBUF = /messageType|objectValue|google\.protobuf|cel\.expr\.conformance|TestAllTypes|enumValue|wellKnown|abstractType|"function"/;
const EXTENSIONS = /_ext$|^macros2$|^optionals$/;

function* walk(suite, path = []) {
  for (const test of suite.tests) yield { path: [...path, suite.name], test };
  for (const inner of suite.suites) yield* walk(inner, [...path, suite.name]);
}

const scalar = (x) => (Object.is(x, -0) ? "0" : String(x));
/** An expected cel.expr.Value as text both libraries' results are turned into. */
function canon(v) {
  const { case: kind, value } = v.kind;
  const map = {
    nullValue: () => "null",
    boolValue: () => `bool:${value}`,
    int64Value: () => `int:${value}`,
    uint64Value: () => `uint:${value}`,
    doubleValue: () => `double:${scalar(value)}`,
    stringValue: () => `string:${JSON.stringify(value)}`,
    bytesValue: () => `bytes:${[...value]}`,
    typeValue: () => `type:${value}`,
    listValue: () => `[${value.values.map(canon).join(",")}]`,
    mapValue: () => `{${value.entries.map((e) => `${canon(e.key)}=>${canon(e.value)}`).sort().join(",")}}`,
  };
  if (!map[kind]) throw new Error(`unsupported ${kind}`);
  return map[kind]();
}
function input(v, lib) {
  const { case: kind, value } = v.kind;
  if (kind === "nullValue") return null;
  if (["boolValue", "int64Value", "doubleValue", "stringValue", "bytesValue"].includes(kind)) return value;
  if (kind === "uint64Value") return lib === "buf" ? celUint(value) : new UnsignedInt(value);
  if (kind === "listValue") return value.values.map((x) => input(x, lib));
  if (kind === "mapValue") return new Map(value.entries.map((e) => [input(e.key, lib), input(e.value, lib)]));
  throw new Error(`unsupported input ${kind}`);
}
function common(x, own) {
  if (x === null) return "null";
  if (typeof x === "boolean") return `bool:${x}`;
  if (typeof x === "bigint") return `int:${x}`;
  if (typeof x === "number") return `double:${scalar(x)}`;
  if (typeof x === "string") return `string:${JSON.stringify(x)}`;
  if (x instanceof Uint8Array) return `bytes:${[...x]}`;
  return own(x) ?? `other:${x?.constructor?.name}`;
}
const canonBuf = (x) =>
  common(x, (v) => {
    if (isCelUint(v)) return `uint:${v.value}`;
    if (isCelType(v)) return `type:${v.name}`;
    if (isCelList(v)) return `[${[...v].map(canonBuf).join(",")}]`;
    if (isCelMap(v)) return `{${[...v.entries()].map(([k, e]) => `${canonBuf(k)}=>${canonBuf(e)}`).sort().join(",")}}`;
  });
const canonMb = (x) =>
  common(x, (v) => {
    if (v instanceof UnsignedInt) return `uint:${v.valueOf()}`;
    if (v?.constructor?.name === "Type") return `type:${String(v).replace(/^Type<(.*)>$/, "$1")}`;
    if (Array.isArray(v)) return `[${v.map(canonMb).join(",")}]`;
    if (v instanceof Map) return `{${[...v.entries()].map(([k, e]) => `${canonMb(k)}=>${canonMb(e)}`).sort().join(",")}}`;
    if (v?.constructor === Object) return `{${Object.entries(v).map(([k, e]) => `${canonMb(k)}=>${canonMb(e)}`).sort().join(",")}}`;
  });

const dynamic = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false, enableOptionalTypes: true });
const LIBRARIES = {
  "@bufbuild/cel": { kind: "buf", run: (expr, bindings) => ((r) => (isCelError(r) ? { error: r.message } : { value: canonBuf(r) }))(run(expr, bindings)) },
  "@marcbachmann/cel-js": { kind: "mb", run: (expr, bindings) => ({ value: canonMb(dynamic.evaluate(expr, bindings)) }) },
};

function conformance() {
  const tally = {};
  const failures = {};
  let skipped = 0;
  for (const { path, test } of walk(spec.getConformanceSuite())) {
    const o = test.original;
    const matcher = o.resultMatcher;
    const runnable = !o.container && !o.disableMacros && !o.checkOnly && ["value", "evalError", "anyEvalErrors"].includes(matcher.case);
    let expected;
    try {
      if (!runnable || NEEDS_PROTOBUF.test(json({ e: o.expr, t: o.typeEnv, b: o.bindings, m: matcher }))) throw new Error();
      expected = matcher.case === "value" ? canon(matcher.value) : "error";
    } catch {
      skipped++;
      continue;
    }
    const part = EXTENSIONS.test(path[1]) ? "extensions" : "core";
    for (const [name, library] of Object.entries(LIBRARIES)) {
      let got;
      try {
        const bindings = Object.fromEntries(Object.entries(o.bindings).map(([k, v]) => [k, input(v.kind.value, library.kind)]));
        got = library.run(o.expr, bindings);
      } catch (error) {
        got = { error: error.message };
      }
      const ok = expected === "error" ? "error" in got : got.value === expected;
      const counts = ((tally[name] ??= {})[part] ??= [0, 0]);
      counts[1]++;
      if (ok) counts[0]++;
      else (failures[name] ??= []).push(`${path.slice(1).join("/")}/${test.name}: ${o.expr} expected ${expected} got ${json(got).slice(0, 120)}`);
    }
  }
  console.log(`conformance tests run: ${Object.values(tally)[0].core[1] + Object.values(tally)[0].extensions[1]} (${skipped} skipped: they need protobuf messages, a container or check-only)`);
  for (const [name, parts] of Object.entries(tally)) {
    const text = Object.entries(parts).map(([part, [ok, all]]) => `${part} ${ok}/${all} (${((100 * ok) / all).toFixed(1)}%)`);
    console.log(`  ${name}: ${text.join(", ")}`);
  }
  const listFor = process.argv[2];
  if (listFor) for (const line of failures[listFor] ?? []) console.log(line);
}

function speed() {
  const EXPR = "'sexual_abuse' in concern && child_age < 13 && !('health' in agencies_consulted)";
  const N = 1_000_000;
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const cases = Array.from({ length: 1000 }, () => ({
    child_age: BigInt(Math.floor(random() * 18)),
    concern: ["sexual_abuse", "neglect", "cse", "physical_abuse"].filter(() => random() < 0.4),
    agencies_consulted: ["social_care", "health", "education"].filter(() => random() < 0.5),
  }));
  const time = (name, fn) => {
    for (let i = 0; i < 50_000; i++) fn(cases[i % 1000]);
    const start = process.hrtime.bigint();
    let held = 0;
    for (let i = 0; i < N; i++) if (fn(cases[i % 1000]) === true) held++;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`  ${name}: ${ms.toFixed(0)} ms (${((ms * 1e6) / N).toFixed(0)} ns a case; held for ${held})`);
  };
  console.log(`one compiled expression over ${N} cases: ${EXPR}`);
  const strings = listType(CelScalar.STRING);
  const bufPlan = plan(celEnv({ variables: { child_age: CelScalar.INT, concern: strings, agencies_consulted: strings } }), parse(EXPR));
  time("@bufbuild/cel", (c) => bufPlan(c));
  const typed = new Environment().registerVariable("child_age", "int").registerVariable("concern", "list<string>").registerVariable("agencies_consulted", "list<string>");
  const mbRun = typed.parse(EXPR);
  time("@marcbachmann/cel-js", (c) => mbRun(c));
  time("the same in plain JavaScript", (c) => c.concern.includes("sexual_abuse") && c.child_age < 13n && !c.agencies_consulted.includes("health"));
}

function sizes() {
  console.log("installed size (du), with the packages each brings:");
  const du = (dirs) => execFileSync("du", ["-sck", ...dirs.map((d) => `node_modules/${d}`)], { encoding: "utf8" }).trim().split("\n").at(-1).split("\t")[0];
  console.log(`  @bufbuild/cel: ${du(["@bufbuild/cel", "@bufbuild/cel-spec", "@bufbuild/re2", "@bufbuild/protobuf"])} KB (with cel-spec, re2 and protobuf)`);
  console.log(`  @marcbachmann/cel-js: ${du(["@marcbachmann/cel-js"])} KB (no dependencies)`);
}

console.log(`node ${process.version}`);
conformance();
speed();
sizes();
