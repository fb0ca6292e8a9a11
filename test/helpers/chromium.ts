import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

/** Debian's Chromium, which .ci/run installs; the browser tests say they are skipped without it. */
export const CHROMIUM = "/usr/bin/chromium";
export const chromiumPresent = existsSync(CHROMIUM);

/** A describe title that says, when Chromium is absent, why the tests under it are skipped. */
export function browserTitle(title: string): string {
  if (chromiumPresent) return title;
  const skipped = `SKIPPED: ${CHROMIUM} is absent; install Debian's chromium (apt-get install chromium, as .ci/run does) to run the browser tests`;
  console.warn(`audit: ${skipped}`);
  return skipped;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Lets pages load `allowed` alone: every other request is recorded in `attempted` and aborted. */
export async function guard(context: BrowserContext, allowed: string, attempted: string[]): Promise<void> {
  await context.route("**/*", (route) => {
    if (route.request().url() === allowed) return route.continue();
    attempted.push(route.request().url());
    return route.abort();
  });
}

/** A page with `url` open in a fresh context, every other request recorded and refused. */
export async function openGuarded(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<{ page: Page; attempted: string[]; context: BrowserContext }> {
  const attempted: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  await guard(context, url, attempted);
  const page = await context.newPage();
  page.on("request", (request) => {
    if (request.url() !== url) attempted.push(request.url());
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, attempted, context };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2.2 A and AA rules (and the earlier versions' they include) run on the page as it is; the violations, each with where it is. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugger, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } });
    return result.violations;
  });
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(" ")}${node.failureSummary ? `: ${node.failureSummary}` : ""}`));
}
