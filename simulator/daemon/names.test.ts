import { describe, expect, it } from "vitest";
import { ADJECTIVES, generateContainerName, NameGenerator, SURNAMES, VALID_CONTAINER_NAME } from "./names";

describe("word lists", () => {
  it("have about 100 adjectives and 200 surnames, unique, lower-case ASCII", () => {
    expect(ADJECTIVES.length).toBeGreaterThanOrEqual(100);
    expect(SURNAMES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ADJECTIVES).size).toBe(ADJECTIVES.length);
    expect(new Set(SURNAMES).size).toBe(SURNAMES.length);
    for (const w of [...ADJECTIVES, ...SURNAMES]) expect(w).toMatch(/^[a-z]+$/);
  });
});

describe("NameGenerator", () => {
  it("is deterministic for a seed", () => {
    const a = new NameGenerator(7);
    const b = new NameGenerator(7);
    const xs = Array.from({ length: 20 }, () => a.next(0));
    const ys = Array.from({ length: 20 }, () => b.next(0));
    expect(xs).toEqual(ys);
    expect(new NameGenerator(8).next(0)).not.toBe(xs[0]);
  });
  it("produces adjective_surname names that docker accepts as --name", () => {
    const g = new NameGenerator(1);
    for (let i = 0; i < 500; i++) {
      const n = g.next(0);
      const [adj, sur, extra] = n.split("_");
      expect(extra).toBeUndefined();
      expect(ADJECTIVES).toContain(adj);
      expect(SURNAMES).toContain(sur);
      expect(n).toMatch(VALID_CONTAINER_NAME);
    }
  });
  it("appends one digit on a retry", () => {
    const g = new NameGenerator(3);
    for (let i = 0; i < 50; i++) expect(g.next(1 + (i % 5))).toMatch(/^[a-z]+_[a-z]+[0-9]$/);
  });
  it("never produces boring_wozniak", () => {
    const b = ADJECTIVES.indexOf("boring");
    const w = SURNAMES.indexOf("wozniak");
    expect(b).toBeGreaterThanOrEqual(0);
    expect(w).toBeGreaterThanOrEqual(0);
    // A generator whose draws are forced: first boring_wozniak, then a different pair.
    const g = new NameGenerator(0);
    const draws = [b, w, 0, 0];
    g.intn = () => draws.shift() ?? 0;
    expect(g.next(0)).toBe(`${ADJECTIVES[0]}_${SURNAMES[0]}`);
    // and over many real draws
    const h = new NameGenerator(99);
    let seen = 0;
    for (let i = 0; i < 100_000; i++) if (h.next(0) === "boring_wozniak") seen++;
    expect(seen).toBe(0);
  });
  it("state round-trips through a number", () => {
    const g = new NameGenerator(5);
    g.next(0);
    const copy = new NameGenerator(0);
    copy.state = g.state;
    expect(copy.next(0)).toBe(g.next(0));
  });
});

describe("generateContainerName", () => {
  it("returns the first free candidate with a leading slash", () => {
    const n = generateContainerName(new NameGenerator(11), () => false);
    expect(n).toMatch(/^\/[a-z]+_[a-z]+$/);
  });
  it("retries with a numeric suffix when the name is taken", () => {
    const first = generateContainerName(new NameGenerator(11), () => false);
    const taken = new Set([first]);
    const n = generateContainerName(new NameGenerator(11), (x) => taken.has(x));
    expect(n).not.toBe(first);
    expect(n).toMatch(/^\/[a-z]+_[a-z]+[0-9]$/);
  });
  it("falls back to the short container ID after six taken candidates", () => {
    const id = "7ed84ed27c4e739c667ed673460b155ac8042fda2f596a5cd4dcaab5fa64a265";
    let asked = 0;
    const n = generateContainerName(new NameGenerator(2), () => (asked++, true), id);
    expect(asked).toBe(6);
    expect(n).toBe("/7ed84ed27c4e");
  });
});
