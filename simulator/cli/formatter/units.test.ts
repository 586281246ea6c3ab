import { describe, expect, it } from "vitest";
import {
  bytesSize,
  containerSizeText,
  fromHumanSize,
  goTimeString,
  humanAgo,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  containerStatus,
  ramInBytes,
  rfc3339Nano,
} from "./units";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("humanSizeWithPrecision / humanSize (decimal)", () => {
  it.each([
    // recorded: `docker images --format '{{.Size}}|{{.VirtualSize}}'` for busybox (1982899 bytes)
    [1982899, 3, "1.98MB"],
    [1982899, 4, "1.983MB"],
    [0, 3, "0B"],
    [999, 3, "999B"],
    [1000, 3, "1kB"],
    [4096, 3, "4.1kB"],
    [4100, 4, "4.1kB"],
    [1500000, 3, "1.5MB"],
    [999999, 3, "1e+03kB"], // Go's %.3g switches to exponent form after rounding up
    [5 * 1000 ** 3, 3, "5GB"],
    [123456789, 3, "123MB"],
    [1e30, 3, "1e+06YB"],
  ])("%d at precision %d -> %s", (n, p, want) => {
    expect(humanSizeWithPrecision(n, p)).toBe(want);
  });
  it("HumanSize keeps four significant digits", () => {
    expect(humanSize(2746000)).toBe("2.746MB");
    expect(humanSize(796000)).toBe("796kB");
  });
});

describe("bytesSize (binary)", () => {
  it.each([
    [0, "0B"],
    [1023, "1023B"],
    [1024, "1KiB"],
    [1536 * 1024 * 1024, "1.5GiB"],
    [44 * 1024, "44KiB"],
    [17 * 1024 * 1024, "17MiB"],
    [1024 ** 4, "1TiB"],
  ])("%d -> %s", (n, want) => expect(bytesSize(n)).toBe(want));
});

describe("containerSizeText (docker ps -s)", () => {
  it("matches the recorded SIZE column", () => {
    // recorded: `docker ps -s --format '{{.Size}}'` on a fresh busybox container
    expect(containerSizeText(0, 1982899)).toBe("0B (virtual 1.98MB)");
    expect(containerSizeText(12, 1982911)).toBe("12B (virtual 1.98MB)");
    expect(containerSizeText(5, 0)).toBe("5B");
  });
});

describe("ramInBytes / fromHumanSize", () => {
  it.each([
    ["512m", 512 * 1024 ** 2],
    ["512M", 512 * 1024 ** 2],
    ["1g", 1024 ** 3],
    ["1GiB", 1024 ** 3],
    ["1gb", 1024 ** 3],
    ["32", 32],
    ["32b", 32],
    ["32 kb", 32 * 1024],
    ["1.5k", 1536],
    ["0.5m", 512 * 1024],
  ])("RAMInBytes(%s) = %d", (s, want) => {
    expect(ramInBytes(s)).toEqual({ ok: true, value: want });
  });
  it("FromHumanSize uses decimal multiples", () => {
    expect(fromHumanSize("44kB")).toEqual({ ok: true, value: 44000 });
    expect(fromHumanSize("17MB")).toEqual({ ok: true, value: 17_000_000 });
  });
  // recorded: `docker run -m <value> busybox` error texts (after `invalid argument "<v>" for "-m, --memory" flag: `)
  it.each([
    ["abc", "invalid size: 'abc'"],
    ["512x", "invalid suffix: 'x'"],
    ["1.5.5", 'strconv.ParseFloat: parsing "1.5.5": invalid syntax'],
    ["-1", "invalid size: '-1'"],
    ["", "invalid size: ''"],
    ["12kbb", "invalid suffix: 'kbb'"],
    ["5zb", "invalid suffix: 'zb'"],
    ["5KIBB", "invalid suffix: 'KIBB'"],
    ["5kx", "invalid suffix: 'kx'"],
  ])("RAMInBytes(%j) fails with %s", (s, err) => {
    expect(ramInBytes(s)).toEqual({ ok: false, error: err });
  });
});

describe("humanDuration (go-units)", () => {
  it.each([
    [0, "Less than a second"],
    [999, "Less than a second"],
    [1 * S, "1 second"],
    [1999, "1 second"],
    [2 * S, "2 seconds"],
    [59 * S + 999, "59 seconds"],
    [60 * S, "About a minute"],
    [119 * S, "About a minute"],
    [120 * S, "2 minutes"],
    [59 * M + 59 * S, "59 minutes"],
    [60 * M, "About an hour"],
    [89 * M + 59 * S, "About an hour"],
    [90 * M, "2 hours"], // rounds to the nearest hour
    [47 * H + 29 * M, "47 hours"],
    [47 * H + 30 * M, "2 days"],
    [48 * H, "2 days"],
    [13 * D + 23 * H, "13 days"],
    [14 * D - 31 * M, "13 days"],
    [14 * D, "2 weeks"],
    [21 * D, "3 weeks"],
    [59 * D, "8 weeks"],
    [60 * D, "2 months"],
    [120 * D, "4 months"],
    [729 * D, "24 months"],
    [730 * D, "2 years"],
    [3 * 365 * D, "3 years"],
  ])("%d ms -> %s", (ms, want) => expect(humanDuration(ms)).toBe(want));
  it("prints the CREATED column with ' ago'", () => {
    expect(humanAgo(0, 75 * S)).toBe("About a minute ago");
    expect(humanAgo(0, 12 * M)).toBe("12 minutes ago");
  });
});

describe("rfc3339Nano / goTimeString", () => {
  const t = Date.UTC(2024, 0, 1, 0, 0, 0, 123);
  it("trims trailing zeros of the fraction", () => {
    expect(rfc3339Nano(t, 456789)).toBe("2024-01-01T00:00:00.123456789Z");
    expect(rfc3339Nano(t)).toBe("2024-01-01T00:00:00.123Z");
    expect(rfc3339Nano(Date.UTC(2024, 0, 1), 0)).toBe("2024-01-01T00:00:00Z");
    expect(rfc3339Nano(Date.UTC(2024, 0, 1), 500)).toBe("2024-01-01T00:00:00.0000005Z");
  });
  it("matches a recorded `docker inspect -f '{{.Created}}'`", () => {
    expect(rfc3339Nano(Date.UTC(2026, 10, 23, 11, 30, 50, 80), 448656)).toBe("2026-11-23T11:30:50.080448656Z");
  });
  it("prints time.Time's String form (docker ps {{.CreatedAt}} shows it without fraction)", () => {
    expect(goTimeString(Date.UTC(2026, 10, 23, 11, 30, 50))).toBe("2026-11-23 11:30:50 +0000 UTC");
    expect(goTimeString(t)).toBe("2024-01-01 00:00:00.123 +0000 UTC");
  });
});

describe("containerStatus (the daemon's State.String, as docker ps shows it)", () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  const base = { running: false, exitCode: 0, startedAt: 0, finishedAt: 0 };
  it.each([
    // recorded in `docker ps -a`: Created, "Exited (0) 10 minutes ago", "Up About a minute"
    [{ ...base }, "Created"],
    [{ ...base, startedAt: now - 11 * M, finishedAt: now - 10 * M }, "Exited (0) 10 minutes ago"],
    [{ ...base, running: true, startedAt: now - 75 * S }, "Up About a minute"],
    [{ ...base, running: true, startedAt: now - 500 }, "Up Less than a second"],
    [{ ...base, running: true, paused: true, startedAt: now - 3 * H }, "Up 3 hours (Paused)"],
    [{ ...base, running: true, restarting: true, exitCode: 1, startedAt: now - 9 * S, finishedAt: now - 2 * S }, "Restarting (1) 2 seconds ago"],
    [{ ...base, running: true, health: "starting", startedAt: now - 2 * S }, "Up 2 seconds (health: starting)"],
    [{ ...base, running: true, health: "healthy", startedAt: now - 2 * D }, "Up 2 days (healthy)"],
    [{ ...base, exitCode: 137, startedAt: now - 4 * D, finishedAt: now - 21 * D }, "Exited (137) 3 weeks ago"],
    [{ ...base, removalInProgress: true, startedAt: 1 }, "Removal In Progress"],
    [{ ...base, dead: true, startedAt: 1 }, "Dead"],
  ])("%j -> %s", (state, want) => expect(containerStatus(state, now)).toBe(want));
});
