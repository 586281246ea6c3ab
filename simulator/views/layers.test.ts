import { describe, expect, it } from "vitest";
import { analyzeImage } from "../builder/analysis";
import { lookupImage } from "../daemon/images/lookup";
import { createHost } from "../host/host";
import { defaultSubject, instructionOf, layerStackFor, layerStackOf, layerSubjects } from "./layers";
import { lastBuiltImage } from "./build-cache";

async function hostRunning(lines: string[]) {
  const host = createHost();
  for (const line of lines) {
    const r = await host.run(line);
    if (r.exit !== 0) throw new Error(`${line}: exit ${r.exit}: ${r.stderr}`);
  }
  return host;
}

const BIG = "printf 'FROM busybox\\nRUN dd if=/dev/zero of=/big bs=1024 count=64 2>/dev/null\\nENV A=1\\nRUN rm /big\\nRUN mkdir -p /d && echo x > /d/x\\nRUN rm -rf /d && mkdir /d\\n' > Dockerfile";

describe("instructionOf", () => {
  it("reads BuildKit, legacy and base image history as the instruction", () => {
    expect(instructionOf("RUN /bin/sh -c rm /big # buildkit")).toBe("RUN rm /big");
    expect(instructionOf("RUN |1 V=0 /bin/sh -c echo $V > /v # buildkit")).toBe("RUN echo $V > /v");
    expect(instructionOf("/bin/sh -c echo hi")).toBe("RUN echo hi");
    expect(instructionOf('/bin/sh -c #(nop)  CMD ["sh"]')).toBe('CMD ["sh"]');
    expect(instructionOf("COPY a.txt /a.txt # buildkit")).toBe("COPY a.txt /a.txt");
    expect(instructionOf("ENV A=1")).toBe("ENV A=1");
  });
});

describe("layer stack of an image", () => {
  it("lists history bottom-up, marks empty layers, the whiteout and the bytes a deleted file wastes", async () => {
    const host = await hostRunning([BIG, "docker build -q -t big ."]);
    const m = layerStackOf(host.daemon, "big")!;
    expect(m.subject).toMatchObject({ kind: "image", name: "big:latest" });
    expect(m.rows.map((r) => [r.kind, r.instruction])).toEqual([
      ["layer", expect.stringMatching(/^ADD file:[0-9a-f]+ in \/$/)],
      ["empty", 'CMD ["sh"]'],
      ["layer", "RUN dd if=/dev/zero of=/big bs=1024 count=64 2>/dev/null"],
      ["empty", "ENV A=1"],
      ["layer", "RUN rm /big"],
      ["layer", "RUN mkdir -p /d && echo x > /d/x"],
      ["layer", "RUN rm -rf /d && mkdir /d"],
    ]);
    const [, , dd, , rm, mk, opq] = m.rows;
    expect(dd).toMatchObject({ size: 65536, added: 1, wastedBytes: 65536 });
    expect(dd.wasted).toEqual([{ path: "big", bytes: 65536, fate: "deleted", byRow: 4 }]);
    expect(rm.size).toBe(0);
    expect(rm.whiteouts).toEqual([{ path: "big", entry: ".wh.big", kind: "whiteout", hiddenBytes: 65536, hiddenFiles: 1 }]);
    expect(rm).toMatchObject({ added: 0, modified: 0, removed: 1 });
    expect(mk.wasted).toEqual([{ path: "d/x", bytes: 2, fate: "deleted", byRow: 6 }]);
    expect(opq.whiteouts).toEqual([{ path: "d", entry: "d/.wh..wh..opq", kind: "opaque", hiddenBytes: 2, hiddenFiles: 1 }]);
    // the marks agree with the builder's analysis
    const a = analyzeImage(lookupImage(host.daemon, "big")!);
    expect(m.rows.reduce((n, r) => n + r.wastedBytes, 0)).toBe(a.wastedBytes);
    expect(m.wastedBytes).toBe(65538);
    expect(m.inefficiencies[0]).toMatchObject({ path: "big", wastedBytes: 65536 });
    // the merged tree no longer has /big, and /d is there but empty
    const names = m.merged.entries.map((e) => e.name);
    expect(names).not.toContain("big");
    expect(m.merged.entries.find((e) => e.name === "d")).toMatchObject({ type: "dir", files: 0, fromRow: 6 });
    expect(m.merged.hiddenBytes).toBe(65538);
  });

  it("counts a hard-linked file once (the busybox binary and its applet names)", async () => {
    const host = await hostRunning([]);
    const m = layerStackOf(host.daemon, "busybox")!;
    const base = m.rows[0];
    expect(base.largest[0].path).toBe("bin/[");
    expect(base.largest[0].links).toBeGreaterThan(100);
    expect(m.merged.bytes).toBe(base.size);
    expect(m.merged.hiddenBytes).toBe(0);
    expect(m.merged.files).toBeGreaterThan(base.largest[0].links);
  });

  it("marks an overwritten file in the layer that still holds the old copy", async () => {
    const host = await hostRunning(["printf 'FROM busybox\\nRUN echo aaaa > /f\\nRUN echo bb > /f\\n' > Dockerfile", "docker build -q -t ow ."]);
    const m = layerStackOf(host.daemon, "ow")!;
    expect(m.rows[2].wasted).toEqual([{ path: "f", bytes: 5, fate: "overwritten", byRow: 3 }]);
    expect(m.rows[3]).toMatchObject({ added: 0, modified: 1, wastedBytes: 0 });
  });
});

describe("layer stack of a container", () => {
  it("adds the init layer and the upper layer with the container's own whiteouts", async () => {
    const host = await hostRunning([BIG, "docker build -q -t big .", "docker run --name c1 big sh -c 'rm /etc/passwd; echo hello > /new'"]);
    const m = layerStackOf(host.daemon, "c1")!;
    expect(m.subject).toMatchObject({ kind: "container", name: "c1", image: "big:latest", status: "exited" });
    const kinds = m.rows.map((r) => r.kind);
    expect(kinds.slice(-2)).toEqual(["init", "upper"]);
    const upper = m.rows.at(-1)!;
    expect(upper).toMatchObject({ size: 6, added: 1, removed: 1 });
    expect(upper.largest).toEqual([{ path: "new", bytes: 6, links: 0 }]);
    expect(upper.whiteouts).toEqual([{ path: "etc/passwd", entry: "etc/.wh.passwd", kind: "whiteout", hiddenBytes: 340, hiddenFiles: 1 }]);
    // the base layer still holds /etc/passwd: marked as deleted by the upper row
    expect(m.rows[0].wasted).toEqual([{ path: "etc/passwd", bytes: 340, fate: "deleted", byRow: m.rows.length - 1 }]);
    expect(m.merged.entries.find((e) => e.name === "new")).toMatchObject({ type: "file", bytes: 6, fromRow: m.rows.length - 1 });
    expect(m.merged.entries.map((e) => e.name)).toContain(".dockerenv");
  });

  it("follows the upper layer as a running container changes files", async () => {
    const host = await hostRunning(["docker run -d --name live busybox sleep 300"]);
    const before = layerStackOf(host.daemon, "live")!;
    expect(before.rows.at(-1)!.largest).toEqual([]);
    await host.run("docker exec live sh -c 'echo hello > /note'");
    const after = layerStackOf(host.daemon, "live")!;
    expect(after.rows.at(-1)!.largest).toEqual([{ path: "note", bytes: 6, links: 0 }]);
  });

  it("computes an image's model once, and again when its tags change", async () => {
    const host = await hostRunning([BIG, "docker build -q -t big ."]);
    const first = layerStackOf(host.daemon, "big")!;
    expect(layerStackOf(host.daemon, "big")).toBe(first);
    await host.run("docker tag big big:v2");
    const retagged = layerStackOf(host.daemon, "big")!;
    expect(retagged).not.toBe(first);
    expect(retagged.subject).toMatchObject({ tags: ["big:latest", "big:v2"] });
    expect(retagged.rows).toEqual(first.rows);
  });

  it("a container never started has an empty upper layer", async () => {
    const host = await hostRunning(["docker create --name idle busybox"]);
    const upper = layerStackOf(host.daemon, "idle")!.rows.at(-1)!;
    expect(upper).toMatchObject({ kind: "upper", size: 0, added: 0 });
  });
});

describe("subject picker", () => {
  it("shows busybox on a fresh engine", () => {
    const d = createHost().daemon;
    expect(layerStackFor(d, null, null)?.subject).toMatchObject({ kind: "image", name: "busybox:latest" });
  });

  it("offers images then containers, and defaults to the image the last build made", async () => {
    const host = await hostRunning([BIG, "docker build -q -t big .", "docker create --name idle busybox"]);
    const choices = layerSubjects(host.daemon);
    // tagged images newest first, then untagged ones (the lab image set holds one), then containers
    expect(choices.filter((c) => c.kind === "image").map((c) => c.label)).toEqual(["big:latest", "busybox:latest", expect.stringMatching(/^[0-9a-f]{12}$/)]);
    expect(choices.at(-1)).toMatchObject({ kind: "container", label: "idle" });
    const built = lastBuiltImage(host.daemon);
    expect(defaultSubject(host.daemon, built)).toBe(`image:${built}`);
    expect(defaultSubject(host.daemon, null)).toBe(choices.at(-1)!.key);
    expect(layerStackFor(host.daemon, "image:sha256:gone", built)?.subject.name).toBe("big:latest");
    expect(layerStackFor(host.daemon, choices.at(-1)!.key, built)?.subject).toMatchObject({ kind: "container", name: "idle" });
  });
});
