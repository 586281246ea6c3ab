import { describe, expect, it } from "vitest";
import { createFocusEscape, portFromXterm, type XtermLike } from "./xterm-port";

/** A stand-in for xterm's Terminal with the same event shape (listeners return disposables). */
class FakeXterm implements XtermLike {
  cols = 80;
  rows = 24;
  written: string[] = [];
  dataListeners = new Set<(data: string) => void>();
  resizeListeners = new Set<(size: { cols: number; rows: number }) => void>();
  write(data: string): void {
    this.written.push(data);
  }
  onData(listener: (data: string) => void) {
    this.dataListeners.add(listener);
    return { dispose: () => void this.dataListeners.delete(listener) };
  }
  onResize(listener: (size: { cols: number; rows: number }) => void) {
    this.resizeListeners.add(listener);
    return { dispose: () => void this.resizeListeners.delete(listener) };
  }
  type(data: string): void {
    for (const listener of this.dataListeners) listener(data);
  }
  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    for (const listener of this.resizeListeners) listener({ cols, rows });
  }
}

describe("portFromXterm", () => {
  it("writes through to the terminal unchanged", () => {
    const term = new FakeXterm();
    const port = portFromXterm(term);
    port.write("hello\r\n\x1b[1mbold\x1b[0m");
    port.flush?.();
    expect(term.written).toEqual(["hello\r\n\x1b[1mbold\x1b[0m"]);
  });

  it("holds writes until a flush, then hands them over as one", () => {
    const term = new FakeXterm();
    const later: Array<() => void> = [];
    const port = portFromXterm(term, (f) => later.push(f));
    port.write("\r\n");
    port.write("hi\r\n");
    port.write("$ ");
    expect(term.written).toEqual([]);
    port.flush?.();
    expect(term.written).toEqual(["\r\nhi\r\n$ "]);
    // the scheduled flush finds nothing left to write
    later.forEach((f) => f());
    expect(term.written).toEqual(["\r\nhi\r\n$ "]);
  });

  it("flushes by itself in a later task when nobody flushes", async () => {
    const term = new FakeXterm();
    const port = portFromXterm(term);
    port.write("a");
    port.write("b");
    await new Promise((r) => setTimeout(r, 0));
    expect(term.written).toEqual(["ab"]);
  });

  it("delivers keystrokes until unsubscribed", () => {
    const term = new FakeXterm();
    const port = portFromXterm(term);
    const seen: string[] = [];
    const unsubscribe = port.onData((data) => seen.push(data));
    term.type("l");
    term.type("s\r");
    unsubscribe();
    term.type("x");
    expect(seen).toEqual(["l", "s\r"]);
    expect(term.dataListeners.size).toBe(0);
  });

  it("reports the current size and size changes", () => {
    const term = new FakeXterm();
    const port = portFromXterm(term);
    expect([port.cols, port.rows]).toEqual([80, 24]);
    const sizes: Array<{ cols: number; rows: number }> = [];
    const unsubscribe = port.onResize?.((size) => sizes.push(size));
    term.resize(100, 30);
    expect([port.cols, port.rows]).toEqual([100, 30]);
    unsubscribe?.();
    term.resize(40, 10);
    expect(sizes).toEqual([{ cols: 100, rows: 30 }]);
    expect(term.resizeListeners.size).toBe(0);
  });
});

describe("createFocusEscape", () => {
  const down = (key: string) => ({ type: "keydown", key });

  it("keeps Tab in the terminal", () => {
    const handle = createFocusEscape();
    expect(handle(down("Tab"))).toBe(true);
  });

  it("lets Escape then Tab (or Shift+Tab) leave the terminal, once", () => {
    const handle = createFocusEscape();
    expect(handle(down("Escape"))).toBe(true);
    expect(handle(down("Tab"))).toBe(false);
    expect(handle(down("Tab"))).toBe(true);
    handle(down("Escape"));
    handle(down("Shift"));
    expect(handle(down("Tab"))).toBe(false);
  });

  it("forgets Escape after any other key, and ignores keyup events", () => {
    const handle = createFocusEscape();
    handle(down("Escape"));
    handle(down("a"));
    expect(handle(down("Tab"))).toBe(true);
    handle(down("Escape"));
    expect(handle({ type: "keyup", key: "Escape" })).toBe(true);
    expect(handle({ type: "keyup", key: "Tab" })).toBe(true);
    expect(handle(down("Tab"))).toBe(false);
  });
});
