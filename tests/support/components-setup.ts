// Component tests render into jsdom; each test starts from an empty document.
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// Testing Library waits for React with a setTimeout(0), which never fires under fake timers unless
// it can advance them; it looks for Jest's API to do so. Vitest's fake clock answers for it.
Object.assign(globalThis, { jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) } });

// jsdom has no CSS.escape; user-event needs it to walk a radio group with the arrow keys.
if (typeof window.CSS?.escape !== "function") {
  const cssEscape = (value: string) => value.replace(/[^\w-]/g, (character) => `\\${character}`);
  Object.defineProperty(window, "CSS", { value: { ...window.CSS, escape: cssEscape }, configurable: true });
}

afterEach(() => {
  cleanup();
});
