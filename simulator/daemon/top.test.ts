import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { containerTop, parsePsOutput } from "./top";

describe("docker top", () => {
  it("parses ps output as the daemon does: the last column takes the rest of the line", () => {
    const out = "PID COMMAND USER\n 10 sleep 300 root\n 11 other x\n";
    expect(parsePsOutput(out, new Set([10]))).toEqual({ Titles: ["PID", "COMMAND", "USER"], Processes: [["10", "sleep", "300 root"]] });
    expect(() => parsePsOutput("USER\nroot\n", new Set())).toThrow("Couldn't find PID field in ps output");
  });
  it("lists the container's processes in -ef form by default, other forms on request", async () => {
    const h = createHost();
    await h.run("docker run -d --name two busybox sh -c 'sleep 300 & sleep 301'");
    const r = containerTop(h.daemon, "two", "");
    expect(r.Titles).toEqual(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]);
    expect(r.Processes.map((p) => `${p[0]} ${p[7]}`).sort()).toEqual(["root sleep 300", "root sleep 301"]);
    expect(containerTop(h.daemon, "two", "-o pid,comm").Titles).toEqual(["PID", "COMMAND"]);
    expect(() => containerTop(h.daemon, "two", "--bogus")).toThrow("ps: error: unknown gnu long option");
    await h.run("docker create --name made busybox");
    expect(() => containerTop(h.daemon, "made", "")).toThrow(/is not running$/);
  });
});
