import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { browserTitle, chromiumPresent, launchChromium, openGuarded } from "../helpers/chromium.js";
import { bidiOrder, layoutProblems, openAllDetails, pageFlag } from "../helpers/page-checks.js";
import { fixture, runCli } from "../helpers/run-cli.js";

/** Text from a config, a plugin or the data that tries to run script, break out of the markup, or break the layout. */
export const HOSTILE = {
  script: `</script><script>window.__pwned = "script"</script>`,
  image: `<img src=x onerror="window.__pwned = 'image'">Avon`,
  attribute: `" onmouseover="window.__pwned = 'attribute'" x="`,
  long: `Lancashire${"Constabulary".repeat(30)}`,
  rtl: "\u202Eevil",
};

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The 2015 fixture with hostile force names and case ids in place of some of its own. */
function hostileCases(dir: string): string {
  const [header, ...lines] = readFileSync(fixture("hmic-2015.csv"), "utf8").trim().split("\n");
  const names = Object.values(HOSTILE);
  const rows = lines.map((line, i) =>
    line.replace(/^([^,]*),([^,]*),/, (_all, id: string, force: string) => {
      const hostile = i % 10 === 0 ? names[(i / 10) % names.length]! : undefined;
      return `${i % 25 === 0 ? quote(`${HOSTILE.attribute}${id}`) : id},${hostile === undefined ? force : quote(hostile)},`;
    }),
  );
  const path = join(dir, "cases.csv");
  writeFileSync(path, [header, ...rows, ""].join("\n"));
  return path;
}

/** A plugin rule whose description and findings are hostile, and a config with a hostile title. */
function hostileConfig(dir: string): string {
  writeFileSync(
    join(dir, "hostile.mjs"),
    `export default {
      id: "hostile",
      description: ${JSON.stringify(`${HOSTILE.script} ${HOSTILE.image} ${HOSTILE.long}`)},
      fields: ["force"],
      evaluate: () => ({ rating: "adequate", findings: [{ code: "hostile", message: ${JSON.stringify(HOSTILE.image)}, fields: ["force"] }] }),
    };\n`,
  );
  const config = join(dir, "audit.config.json");
  writeFileSync(config, JSON.stringify({ plugins: ["./hostile.mjs"], report: { title: HOSTILE.script, publisher: HOSTILE.image, period: HOSTILE.long.slice(0, 300) } }));
  return config;
}

describe.skipIf(!chromiumPresent)(browserTitle("hostile text in the HTML report: no script runs, the layout holds"), () => {
  const dir = mkdtempSync(join(tmpdir(), "audit-hostile-"));
  const file = join(dir, "report.html");
  let browser: Browser;
  let page: Page;
  let attempted: string[];
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const run = await runCli(["score", hostileCases(dir), "--config", hostileConfig(dir), "-f", `html=${file}`, "-q"]);
    expect(run.code, run.stderr).toBe(0);
    browser = await launchChromium();
    ({ page, attempted } = await openGuarded(browser, pathToFileURL(file).href));
    page.on("dialog", (dialog) => void dialogs.push(dialog.message()));
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    await openAllDetails(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("the hostile texts reach the page as text", async () => {
    const text = await page.innerText("body");
    for (const value of [HOSTILE.script, HOSTILE.image, HOSTILE.long]) expect(text).toContain(value);
    expect(await page.title()).toBe(HOSTILE.script);
  });

  test("no script runs, no handler fires, nothing is fetched, the policy is never tested", async () => {
    expect(await pageFlag(page, "__pwned")).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(attempted).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator("script, img, [onerror], [onmouseover]").count()).toBe(0);
  });

  test.each([
    ["a desktop", { width: 1280, height: 800 }],
    ["a 320-pixel screen", { width: 320, height: 640 }],
  ])("a 400-character name wraps instead of widening the page or being cut off: %s", async (_name, viewport) => {
    const view = (await openGuarded(browser, pathToFileURL(file).href, { viewport })).page;
    await openAllDetails(view);
    expect(await layoutProblems(view)).toEqual([]);
    await view.context().close();
  });

  test("the drill-down lists the hostile ids and names as text: no script runs but its own, nothing is fetched", async () => {
    const drill = join(dir, "drill.html");
    const run = await runCli(["score", join(dir, "cases.csv"), "--config", join(dir, "audit.config.json"), "-f", `html=${drill}`, "--html-cases", "-q"]);
    expect(run.code, run.stderr).toBe(0);
    const view = await openGuarded(browser, pathToFileURL(drill).href, { viewport: { width: 320, height: 640 } });
    const failures: string[] = [];
    view.page.on("pageerror", (error) => void failures.push(error.message));
    await view.page.locator("#case-search").fill(HOSTILE.attribute);
    const ids = await view.page.locator("#case-rows th button").allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith(HOSTILE.attribute)).toBe(true);
    await view.page.locator("#case-rows th button").first().click();
    expect(await view.page.locator("#case-rows").innerText()).toContain(HOSTILE.image);
    await view.page.locator("#case-group").selectOption({ label: HOSTILE.script });
    expect(await view.page.locator("#case-rows").innerText()).toContain(HOSTILE.script);
    expect(await pageFlag(view.page, "__pwned")).toBeUndefined();
    expect(view.attempted).toEqual([]);
    expect(failures).toEqual([]);
    expect(await view.page.locator("script").count()).toBe(2);
    expect(await layoutProblems(view.page)).toEqual([]);
    await view.context.close();
  });

  test("a right-to-left override in a name stays inside the name: the words after it read left to right", async () => {
    expect(await bidiOrder(page, HOSTILE.rtl)).toEqual({ isolated: true, after: "right" });
  });
});
