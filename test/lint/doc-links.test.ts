import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../helpers/run-cli.js";

/** The files a clone holds: a link may point only at one of these, or at a folder holding some. */
const TRACKED = new Set(execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean));
const FOLDERS = new Set([...TRACKED].flatMap((file) => file.split("/").slice(0, -1).map((_part, i, parts) => parts.slice(0, i + 1).join("/"))));

const PAGES = [...TRACKED].filter((file) => file === "README.md" || (file.startsWith("docs/") && file.endsWith(".md"))).sort();

/** A page's text without its fenced code blocks, where `#` starts no heading. */
const unfenced = (text: string) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
/** ... and without its inline code, where brackets are not links. */
const prose = (text: string) => unfenced(text).replace(/`[^`\n]*`/g, "");

/** `[text](target)`, `[text](<target>)` and `[label]: target`. */
export function linksOf(text: string): string[] {
  const body = prose(text);
  const inline = [...body.matchAll(/\]\(\s*<?([^()\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...body.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!);
  return [...inline, ...references];
}

/** The anchors a page's headings get, as GitHub makes them, and any `id`s written in it. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of unfenced(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    anchors.add(count ? `${slug}-${count}` : slug);
    seen.set(slug, count + 1);
  }
  for (const [, id] of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id!);
  return anchors;
}

/** Why a link from `page` does not resolve inside the repository, or undefined when it does. */
function brokenLink(page: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) return "points outside the repository";
  if (target.startsWith("/")) return "is an absolute path";
  const [path, anchor] = target.split("#", 2) as [string, string | undefined];
  const file = path === "" ? page : normalize(join(dirname(page), decodeURIComponent(path))).replace(/\/$/, "");
  if (file.startsWith("..") || relative(ROOT, join(ROOT, file)).startsWith("..")) return "leaves the repository";
  if (!TRACKED.has(file) && !FOLDERS.has(file)) return `${file} is not in the repository`;
  if (anchor !== undefined && file.endsWith(".md") && !anchorsOf(readFileSync(join(ROOT, file), "utf8")).has(anchor)) {
    return `${file} has no heading #${anchor}`;
  }
  return undefined;
}

describe("every link in README.md and docs/ resolves inside the repository", () => {
  test("the pages are found", () => {
    expect(PAGES).toContain("README.md");
    expect(PAGES).toContain("docs/input.md");
  });

  test.each(PAGES)("%s", (page) => {
    const broken = linksOf(readFileSync(join(ROOT, page), "utf8")).flatMap((target) => {
      const why = brokenLink(page, target);
      return why ? [`${target}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });
});

describe("the checker itself", () => {
  test.each<[string, string, string | undefined]>([
    ["a page beside it", "cli.md", undefined],
    ["a heading in another page", "config.md#starting-from-an-export", undefined],
    ["a heading in the same page", "#the-shape", undefined],
    ["a folder in the repository", "../src/rules/", undefined],
    ["a web page", "https://example.org/rubric", "points outside the repository"],
    ["a missing page", "nope.md", "docs/nope.md is not in the repository"],
    ["a missing heading", "cli.md#nope", "docs/cli.md has no heading #nope"],
    ["a path out of the clone", "../../elsewhere/spec.md", "leaves the repository"],
  ])("%s: %s", (_name, target, why) => {
    expect(brokenLink("docs/config.md", target)).toBe(why);
  });

  test("links in code are not links; reference links are", () => {
    expect(linksOf("`[a](nope.md)`\n```\n[b](nope.md)\n```\n[c](yes.md)\n[d]: also.md\n")).toEqual(["yes.md", "also.md"]);
  });

  test.each<[string, string]>([
    ["## Exit codes", "exit-codes"],
    ["## Messages and exit codes", "messages-and-exit-codes"],
    ["### `audit agree` on the sample", "audit-agree-on-the-sample"],
    ["## Closing the loop: audit agree on the sample", "closing-the-loop-audit-agree-on-the-sample"],
  ])("%s → #%s", (heading, anchor) => {
    expect(anchorsOf(`${heading}\n`).has(anchor)).toBe(true);
  });
});
