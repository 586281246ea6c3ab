import { describe, expect, it } from "vitest";
import { createHost } from "./host";
import { exportHost, loadHost, validateHostState, type HostState } from "./state";

async function busyHost() {
  const h = createHost({ seed: 7 });
  await h.run("docker run --name keep busybox sh -c 'echo data > /data.txt; echo logged'");
  await h.run("docker run -d --name srv busybox sleep 1000");
  await h.run("echo hello > notes.txt", { cwd: "/home/learner" });
  return h;
}

describe("host state", () => {
  it("round-trips through JSON: images, containers, their files and logs, host files", async () => {
    const h = await busyHost();
    const saved = JSON.parse(JSON.stringify(exportHost(h))) as HostState;
    expect(validateHostState(saved)).toEqual([]);
    const h2 = loadHost(saved);
    expect((await h2.run("docker ps -a --format '{{.Names}} {{.State}}'")).stdout).toBe("srv running\nkeep exited\n");
    expect((await h2.run("docker logs keep")).stdout).toBe("logged\n");
    expect((await h2.run("docker start -a keep")).stdout).toBe("logged\n");
    expect((await h2.run("cat /home/learner/notes.txt")).stdout).toBe("hello\n");
    expect((await h2.run("docker images --format '{{.Repository}}:{{.Tag}}'")).stdout).toBe("busybox:latest\n");
  });

  it("is deterministic: the same history exports the same state", async () => {
    const a = JSON.stringify(exportHost(await busyHost()));
    const b = JSON.stringify(exportHost(await busyHost()));
    expect(a).toBe(b);
  });

  it("keeps the container's writable layer across a save", async () => {
    const h = await busyHost();
    const h2 = loadHost(JSON.parse(JSON.stringify(exportHost(h))));
    const keep = [...h2.daemon.containers.values()].find((c) => c.name === "keep")!;
    expect(new TextDecoder().decode(keep.rw!.entries!.get("data.txt")!.data)).toBe("data\n");
  });

  it("rejects what is not a saved host", () => {
    expect(validateHostState({ format: "x" })).not.toEqual([]);
    expect(() => loadHost({ format: "nope" } as unknown as HostState)).toThrow(/cannot load host state/);
  });
});
