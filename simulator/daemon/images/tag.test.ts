// docker tag's reference checks on the engine side, as recorded on a 20.10 engine.
import { describe, expect, it } from "vitest";
import { createHost } from "../../host/host";

describe("docker tag", () => {
  it("refuses a capitalised first path component on the engine side", async () => {
    const h = createHost();
    const r = await h.run("docker tag busybox Team/reg-tool", { cwd: "/tmp" });
    expect(r.exit).toBe(1);
    expect(r.stderr).toBe("Error response from daemon: invalid reference format: repository name must be lowercase\n");
    expect((await h.run("docker images -q Team/reg-tool", { cwd: "/tmp" })).stdout).toBe("");
  });

  it("still takes a registry host with a port, a dotted host or localhost", async () => {
    const h = createHost();
    for (const ref of ["localhost:5000/team/app:1.0", "Registry.Example.com/team/app", "localhost/team/app"]) {
      const r = await h.run(`docker tag busybox ${ref}`, { cwd: "/tmp" });
      expect(r.stderr, ref).toBe("");
      expect(r.exit, ref).toBe(0);
    }
  });
});
