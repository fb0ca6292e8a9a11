import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixture, runCli } from "../helpers/run-cli.js";

const HMIC = fixture("hmic-2015.csv");
const SHA256 = createHash("sha256").update(readFileSync(HMIC)).digest("hex");
const tmp = () => mkdtempSync(join(tmpdir(), "audit-html-cli-"));
const header = (page: string) => page.slice(page.indexOf("<header>"), page.indexOf("</header>"));

describe("audit score -f html: what the report says of itself", () => {
  test("--title, --period and --publisher, the input's SHA-256, and SOURCE_DATE_EPOCH as the date", async () => {
    const args = ["score", HMIC, "-f", "html", "--title", "Child protection audit", "--period", "April 2014 – March 2015", "--publisher", "HMIC"];
    const run = await runCli(args, { env: { SOURCE_DATE_EPOCH: "1435655100" } });
    expect(run.code, run.stderr).toBe(0);
    const top = header(run.stdout);
    expect(top).toContain("<h1>Child protection audit</h1>");
    expect(top).toContain("April 2014 – March 2015");
    expect(top).toContain('<p class="publisher">HMIC</p>');
    expect(top).toContain(SHA256);
    expect(top).toContain("30 June 2015, 09:05 UTC");
  });

  test("the same input on stdin has the same SHA-256, taken as it is read", async () => {
    const run = await runCli(["score", "-", "-f", "html"], { input: readFileSync(HMIC) });
    expect(run.code, run.stderr).toBe(0);
    expect(header(run.stdout)).toContain(`stdin</bdi>, SHA-256 <code class="hash">${SHA256}</code>`);
  });

  test("JSON input read the reference way has its SHA-256 too", async () => {
    const json = fixture("hmic-2015.json");
    const run = await runCli(["score", json, "-f", "html"]);
    expect(run.code, run.stderr).toBe(0);
    expect(header(run.stdout)).toContain(createHash("sha256").update(readFileSync(json)).digest("hex"));
  });

  test("the config's report keys, which the flags override", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "audit.config.json"), JSON.stringify({ report: { title: "From the config", publisher: "The config's publisher" } }));
    const configured = await runCli(["score", HMIC, "-f", "html"], { cwd: dir });
    expect(configured.code, configured.stderr).toBe(0);
    expect(header(configured.stdout)).toContain("<h1>From the config</h1>");
    const flagged = await runCli(["score", HMIC, "-f", "html", "--title", "From the flag"], { cwd: dir });
    expect(header(flagged.stdout)).toContain("<h1>From the flag</h1>");
    expect(header(flagged.stdout)).toContain("The config&#39;s publisher");
  });

  test.each([
    ["an empty --title", ["--title", "  "], "--title: expected some text"],
    ["a --period longer than a line", ["--period", "x".repeat(301)], "--period: expected at most 300 characters, got 301"],
  ])("%s is refused before anything is read", async (_name, flags, message) => {
    const run = await runCli(["score", HMIC, "-f", "html", ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`audit: ${message}\n`);
  });

  test("an unknown key under report in a config is an error that names it", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "audit.config.json"), JSON.stringify({ report: { titel: "x" } }));
    const run = await runCli(["score", HMIC, "-f", "html"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("report.titel");
  });

  test("SOURCE_DATE_EPOCH that is not a number of seconds is refused", async () => {
    const run = await runCli(["score", HMIC, "-f", "html"], { env: { SOURCE_DATE_EPOCH: "yesterday" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("SOURCE_DATE_EPOCH: expected whole seconds");
  });

  test("merge takes the same flags and names each report read with its SHA-256", async () => {
    const dir = tmp();
    const report = join(dir, "all.json");
    expect((await runCli(["score", HMIC, "-f", `json=${report}`])).code).toBe(0);
    const run = await runCli(["merge", report, "-f", "html", "--title", "Merged audit"]);
    expect(run.code, run.stderr).toBe(0);
    expect(header(run.stdout)).toContain("<h1>Merged audit</h1>");
    expect(header(run.stdout)).toContain(createHash("sha256").update(readFileSync(report)).digest("hex"));
  });
});
