/** Shared pieces of the real-browser tests. */
import type { Frame, Page } from "playwright-core";

/** Is the element visible in the window AND inside its scrolling text box (the report's document view)? */
export async function inView(target: Page | Frame, id: string): Promise<boolean> {
  return target.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const inWindow = r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
    const box = el.closest(".doc-text");
    if (!box) return inWindow;
    const b = box.getBoundingClientRect();
    return inWindow && r.bottom > b.top && r.top < b.bottom;
  }, id);
}
