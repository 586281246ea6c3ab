import { describe, expect, it } from "vitest";
import { formatPlatform, parsePlatform, runsOnHost, samePlatform, shortPlatform } from "./platform";

describe("platforms", () => {
  it("normalises as containerd does: Go names, arm64's v8 dropped, arm's v7 added", () => {
    expect(formatPlatform(parsePlatform("linux/amd64"))).toBe("linux/amd64");
    expect(formatPlatform(parsePlatform("linux/x86_64"))).toBe("linux/amd64");
    expect(formatPlatform(parsePlatform("linux/aarch64"))).toBe("linux/arm64");
    expect(formatPlatform(parsePlatform("linux/arm64/v8"))).toBe("linux/arm64");
    expect(formatPlatform(parsePlatform("arm64"))).toBe("linux/arm64");
    expect(formatPlatform(parsePlatform("linux/arm"))).toBe("linux/arm/v7");
    expect(formatPlatform(parsePlatform("linux/arm/v6"))).toBe("linux/arm/v6");
    expect(formatPlatform(parsePlatform("LINUX/AMD64"))).toBe("linux/amd64");
    expect(() => parsePlatform("linux//amd64")).toThrow("unknown operating system or architecture");
  });

  it("compares and prints the short form buildx uses", () => {
    expect(samePlatform({ os: "linux", architecture: "arm64" }, { os: "linux", architecture: "arm64", variant: "v8" })).toBe(true);
    expect(samePlatform({ os: "linux", architecture: "arm64" }, { os: "linux", architecture: "amd64" })).toBe(false);
    expect(shortPlatform({ os: "linux", architecture: "arm64", variant: "v8" })).toBe("linux/arm64");
    expect(shortPlatform(parsePlatform("linux/arm/v7"))).toBe("linux/arm/v7");
  });

  it("the simulated host runs amd64 (and 386) images only", () => {
    expect(runsOnHost(parsePlatform("linux/amd64"))).toBe(true);
    expect(runsOnHost(parsePlatform("linux/arm64"))).toBe(false);
  });
});
