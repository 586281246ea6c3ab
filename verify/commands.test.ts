import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyCommands } from "./commands";

describe("verifyCommands", () => {
  it("gives the setup, check and clean command lines of an exercise", () => {
    expect(verifyCommands("first-container/hello")).toEqual({
      setup: "npm run --silent verify -- setup first-container/hello",
      check: "npm run --silent verify -- check first-container/hello",
      clean: "npm run --silent verify -- clean first-container/hello",
    });
  });
  it("refuses text that is not an exercise id (it ends up in a command line)", () => {
    for (const bad of ["", "hello", "a/b; rm -rf ~", "a/b c", "A/B", "a/b/c", "$(x)/y"]) expect(() => verifyCommands(bad), bad).toThrow(/not an exercise id/);
  });
  it("imports nothing, so the site can use it", () => {
    expect(readFileSync(new URL("./commands.ts", import.meta.url), "utf8")).not.toMatch(/^\s*import\s/m);
  });
});
