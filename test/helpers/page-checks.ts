import type { Page } from "playwright-core";

/*
 * Checks that run inside the page. The functions handed to `evaluate` run in the browser, where these
 * globals exist; they are declared here (and only in this module) for the type checker.
 */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
}
interface PageElement {
  tagName: string;
  className: string;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  open: boolean;
  getBoundingClientRect(): Box;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
}
interface TextNode {
  data: string;
  parentElement: PageElement | null;
}
interface TextRange {
  setStart(node: TextNode, offset: number): void;
  setEnd(node: TextNode, offset: number): void;
  getBoundingClientRect(): Box;
}
declare const document: {
  documentElement: PageElement;
  querySelectorAll(selector: string): PageElement[];
  createTreeWalker(root: PageElement, what: number): { nextNode(): TextNode | null };
  createRange(): TextRange;
};
declare const innerWidth: number;
declare function getComputedStyle(element: PageElement): Record<string, string> & { display: string; visibility: string; overflowX: string };

/** Every `<details>` opened, so that what they hold is checked too. */
export const openAllDetails = (page: Page): Promise<void> =>
  page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });

/**
 * What zoom and narrow screens break: the page scrolling sideways, text outside the page or cut off by its
 * own box, a whisker's label running out of its bar's width. A table may scroll sideways in its own region.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const page = document.documentElement;
    if (page.scrollWidth > innerWidth) problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${innerWidth}`);
    for (const element of document.querySelectorAll(".chart-label, .whisker-label, .segment span, .tick, .chart-note, .panel-title, h1, h2, h3, p, dd, li, summary")) {
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      const name = `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? "").slice(0, 30)}"`;
      if (element.closest(".table-scroll")) continue;
      if (box.left < -0.5 || box.right > innerWidth + 0.5) problems.push(`${name} lies outside the page: ${box.left}–${box.right} of ${innerWidth}`);
      if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== "visible") problems.push(`${name} is cut off`);
      const track = element.closest(".whisker") && element.closest(".chart-track");
      if (track) {
        const bounds = track.getBoundingClientRect();
        if (box.left < bounds.left - 0.5 || box.right > bounds.right + 0.5) problems.push(`${name} runs out of its bar's width`);
      }
    }
    return problems;
  });
}

/** The page's heading levels, in document order. */
export const headingLevels = (page: Page): Promise<number[]> =>
  page.evaluate(() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((heading) => Number(heading.tagName[1])));

/** Computed style properties (camel-cased) of each element `selector` finds. */
export const stylesOf = (page: Page, selector: string, properties: readonly string[]): Promise<Record<string, string>[]> =>
  page.evaluate(
    ([selector, properties]) =>
      [...document.querySelectorAll(selector)].map((element) => {
        const style = getComputedStyle(element);
        return Object.fromEntries(properties.map((property) => [property, style[property] ?? ""]));
      }),
    [selector, properties] as const,
  );

/** A global of the page (a flag a hostile script would set), undefined when it was never set. */
export const pageFlag = (page: Page, name: string): Promise<unknown> => page.evaluate((name) => (globalThis as Record<string, unknown>)[name], name);

/**
 * Where the words that follow `name` in a paragraph are drawn: to the right of the name ("right") when a
 * right-to-left override inside it is contained, to its left when the override runs on over them. Also
 * whether the name sits in an isolating `<bdi>`.
 */
export const bidiOrder = (page: Page, name: string): Promise<{ isolated: boolean; after: "left" | "right" } | undefined> =>
  page.evaluate((name) => {
    for (const paragraph of document.querySelectorAll("p")) {
      const text = paragraph.textContent ?? "";
      if (!text.startsWith(`${name}: `)) continue;
      const walker = document.createTreeWalker(paragraph, 4);
      const nodes: { node: TextNode; from: number }[] = [];
      let at = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, from: at });
        at += node.data.length;
      }
      const rangeOf = (start: number, end: number) => {
        const range = document.createRange();
        const find = (offset: number) => nodes.findLast((entry) => entry.from <= offset)!;
        const first = find(start);
        const last = find(end - 1);
        range.setStart(first.node, start - first.from);
        range.setEnd(last.node, end - last.from);
        return range.getBoundingClientRect();
      };
      const named = rangeOf(0, name.length);
      const after = rangeOf(name.length + 2, name.length + 12);
      const isolated = nodes[0]!.node.parentElement?.tagName === "BDI";
      return { isolated, after: after.left >= named.right - 1 ? ("right" as const) : ("left" as const) };
    }
    return undefined;
  }, name);
