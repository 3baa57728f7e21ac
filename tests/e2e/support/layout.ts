/**
 * Layout checks for small screens, run in the page: every control a finger can reach is at least 48 px,
 * inside the viewport sideways, reachable (not cut off by a box that does not scroll) and clear of every
 * other control; the page never scrolls sideways; named texts are not clipped.
 */
import { expect, type Locator, type Page } from "@playwright/test";

/** What a finger taps: controls, plus the label of a radio or checkbox (the label is the target). */
const TARGETS =
  "button, input:not([type=hidden]), select, textarea, a[href], label:has(input[type=radio]), label:has(input[type=checkbox])";
const MIN_PX = 48;

/** Problems found on screen as it is now (its current scroll positions), one line each. */
function problemsNow(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ targets, min }) => {
      const problems: string[] = [];
      const tappableLabel = "label:has(input[type=radio]), label:has(input[type=checkbox])";
      // Behind a modal dialog nothing can be tapped, so only the dialog's controls count.
      const scope: ParentNode = document.querySelector("dialog:modal") ?? document;
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40)}"`;
      const controls = [...scope.querySelectorAll(targets)].filter((el) => {
        if (el.matches("input") && el.closest(tappableLabel)) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
      });

      /** The part of an element a person can see: its box cut by every ancestor that clips. */
      const seen = (el: Element) => {
        const r = el.getBoundingClientRect();
        const box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom, reachable: true };
        let scroller = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX !== "visible" || style.overflowY !== "visible") {
            const c = a.getBoundingClientRect();
            const scrolls = /auto|scroll/.test(style.overflowY) || /auto|scroll/.test(style.overflowX);
            scroller ||= scrolls;
            // Cut off by a box that does not scroll: part of the control can never be seen.
            if (
              !scroller &&
              (r.left < c.left - 1 || r.right > c.right + 1 || r.top < c.top - 1 || r.bottom > c.bottom + 1)
            )
              box.reachable = false;
            box.left = Math.max(box.left, c.left);
            box.top = Math.max(box.top, c.top);
            box.right = Math.min(box.right, c.right);
            box.bottom = Math.min(box.bottom, c.bottom);
          }
          if (style.position === "fixed") break;
        }
        const pageScrolls = getComputedStyle(document.body).overflowY !== "hidden";
        if (!scroller && !pageScrolls && (r.top < -1 || r.bottom > innerHeight + 1)) box.reachable = false;
        return box;
      };

      const boxes = controls.map((el) => ({ el, r: el.getBoundingClientRect(), v: seen(el) }));
      for (const { el, r, v } of boxes) {
        if (r.width < min - 0.5 || r.height < min - 0.5)
          problems.push(`${name(el)} is ${Math.round(r.width)}×${Math.round(r.height)} px, under ${min}`);
        if (r.left < -0.5 || r.right > innerWidth + 0.5)
          problems.push(`${name(el)} leaves the viewport sideways (${Math.round(r.left)}–${Math.round(r.right)})`);
        if (!v.reachable) problems.push(`${name(el)} is cut off where nothing scrolls`);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const w = Math.min(a.v.right, b.v.right) - Math.max(a.v.left, b.v.left);
          const h = Math.min(a.v.bottom, b.v.bottom) - Math.max(a.v.top, b.v.top);
          if (w > 0.5 && h > 0.5)
            problems.push(`${name(a.el)} overlaps ${name(b.el)} by ${Math.round(w)}×${Math.round(h)} px`);
        }
      }
      const sideways = document.scrollingElement!.scrollWidth - innerWidth;
      if (sideways > 0) problems.push(`the page scrolls sideways by ${sideways} px`);
      return problems;
    },
    { targets: TARGETS, min: MIN_PX },
  );
}

/**
 * Scrolls every scrollable box inside the page to its start or its end. The page itself stays put: what
 * passes under a sticky header while the page scrolls is not an overlap.
 */
function scrollBoxes(page: Page, to: "start" | "end"): Promise<void> {
  return page.evaluate((end) => {
    for (const el of document.body.querySelectorAll("*")) {
      if (el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY))
        el.scrollTop = end ? el.scrollHeight : 0;
    }
  }, to === "end");
}

/**
 * The screen passes the checks with its scrolling boxes at the top and at the bottom (a fixed corner may
 * cover what scrolls under it), and each of `unclipped` shows its whole text.
 */
export async function expectTidyLayout(page: Page, screen: string, unclipped: Locator[] = []): Promise<void> {
  const problems = await problemsNow(page);
  await scrollBoxes(page, "end");
  problems.push(...(await problemsNow(page)).map((p) => `${p} (scrolled to the end)`));
  await scrollBoxes(page, "start");
  for (const text of unclipped) {
    const { scrollWidth, clientWidth, content } = await text.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      content: el.textContent,
    }));
    if (scrollWidth > clientWidth) problems.push(`"${content}" is clipped (${scrollWidth} px in ${clientWidth} px)`);
  }
  // Soft: one run lists the problems of every screen, not only the first one's.
  expect.soft([...new Set(problems)], screen).toEqual([]);
}
