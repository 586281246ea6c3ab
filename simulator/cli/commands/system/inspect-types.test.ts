import { describe, expect, it } from "vitest";
import { createHost } from "../../../host/host";

// Outputs recorded from Docker 20.10 with the lab busybox image (IDs and dates aside).
describe("image inspect templates run on the Go types first", () => {
  it("prints structs in field order, nil maps as map[] and times as Go prints them", async () => {
    const h = createHost();
    const r = await h.run("docker image inspect -f '{{json .RootFS}}|{{.Config.Labels}}|{{.Metadata.LastTagTime}}|{{.Config.Cmd}}' busybox");
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^\{"Type":"layers","Layers":\["sha256:[0-9a-f]{64}"\]\}\|map\[\]\|0001-01-01 00:00:00 \+0000 UTC\|\[sh\]\n$/);
  });
  it("keeps HEALTHCHECK's fields in the struct's order", async () => {
    const h = createHost();
    await h.run("mkdir /tmp/hc && printf 'FROM busybox\\nHEALTHCHECK --interval=30s --retries=2 CMD true\\n' > /tmp/hc/Dockerfile");
    expect((await h.run("docker build -q -t hc:1 /tmp/hc")).exit).toBe(0);
    const r = await h.run("docker image inspect -f '{{json .Config.Healthcheck}}' hc:1");
    expect(r.stdout).toBe('{"Test":["CMD-SHELL","true"],"Interval":30000000000,"Retries":2}\n');
  });
});
