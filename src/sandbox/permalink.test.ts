import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../simulator/host/host";
import { exportHost, loadHost, type HostState } from "../../simulator/host/state";
import { base64urlDecode, base64urlEncode, decodePermalink, encodePermalink, inflateBounded, isPermalinkFragment } from "./permalink";
import { replaySteps } from "./replay";
import type { Step } from "./schema";

async function hostWith(lines: string[]): Promise<Host> {
  const h = createHost();
  for (const line of lines) {
    const r = await h.run(line, { cwd: "/home/learner" });
    if (r.exit !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  return h;
}

/** A fragment carrying any JSON, packed as links are. */
function fragment(kind: "state" | "commands", value: unknown): string {
  return `#${kind}=${base64urlEncode(deflateSync(strToU8(JSON.stringify(value))))}`;
}

const ps = async (h: Host) => (await h.run("docker ps -a --format '{{.Names}} {{.Image}} {{.Status}}'")).stdout;

describe("base64url", () => {
  it("round-trips every length and byte", () => {
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 255);
      const text = base64urlEncode(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(base64urlDecode(text)).toEqual(bytes);
    }
    expect(base64urlEncode(Uint8Array.of(251, 255))).toBe("-_8");
  });
  it("refuses characters and lengths it never makes", () => {
    expect(base64urlDecode("ab+c")).toBeNull();
    expect(base64urlDecode("abcde")).toBeNull();
  });
});

describe("permalinks", () => {
  it("carry the state: images, containers, volumes, networks and files arrive as they were", async () => {
    const h = await hostWith([
      "mkdir app && printf 'FROM busybox\\nRUN echo hi > /hi\\n' > app/Dockerfile",
      "docker build -q -t demo app",
      "docker volume create data",
      "docker network create backend",
      "docker create --name idle --network backend -v data:/data demo",
      "docker run --name ran demo cat /hi",
    ]);
    const made = encodePermalink(exportHost(h), [{ run: "whatever" }]);
    expect(made).toMatchObject({ ok: true, kind: "state" });
    if (!made.ok) return;
    expect(made.fragment).toMatch(/^#state=[A-Za-z0-9_-]+$/);
    expect(isPermalinkFragment(made.fragment)).toBe(true);
    const read = decodePermalink(made.fragment);
    expect(read.ok).toBe(true);
    if (!read.ok || read.link.kind !== "state") return;
    const h2 = loadHost(read.link.host);
    expect(await ps(h2)).toBe(await ps(h));
    expect(JSON.stringify(exportHost(h2))).toBe(JSON.stringify(exportHost(h)));
    expect((await h2.run("docker volume ls -q; docker network ls --format '{{.Name}}' | grep backend; cat /home/learner/app/Dockerfile")).stdout).toBe("data\nbackend\nFROM busybox\nRUN echo hi > /hi\n");
  });

  it("fall back to the commands when the state is too large, and the commands rebuild it", async () => {
    const steps: Step[] = [
      { create: "app", kind: "dir" },
      { write: "app/Dockerfile", text: "FROM busybox\nCOPY note.txt /note.txt\n" },
      { write: "app/note.txt", text: "from the editor\n" },
      { run: "cd app" },
      { run: "docker build -q -t noted . > /dev/null" },
      { run: "docker run --name reader noted cat /note.txt" },
      { rename: "app/note.txt", to: "app/renamed.txt" },
    ];
    const original = createHost();
    await replaySteps(original, steps);
    const made = encodePermalink(exportHost(original), steps, { stateLimit: 100 });
    expect(made).toMatchObject({ ok: true, kind: "commands" });
    if (!made.ok) return;
    const read = decodePermalink(made.fragment);
    if (!read.ok || read.link.kind !== "commands") throw new Error("not a commands link");
    expect(read.link.steps).toEqual(steps);
    const replayed = createHost();
    expect(await replaySteps(replayed, read.link.steps)).toEqual({ failed: [] });
    expect(await ps(replayed)).toMatch(/^reader noted Exited \(0\)/);
    expect((await replayed.run("docker logs reader; ls /home/learner/app")).stdout).toBe("from the editor\nDockerfile\nrenamed.txt\n");
    expect(JSON.stringify(exportHost(replayed))).toBe(JSON.stringify(exportHost(original)));
  });

  it("say so when neither fits", async () => {
    const state = exportHost(createHost());
    expect(encodePermalink(state, null, { stateLimit: 100 })).toMatchObject({ ok: false, problem: expect.stringMatching(/too large.*not known/) });
    expect(encodePermalink(state, [{ run: "echo " + Array.from({ length: 3000 }, (_, i) => String.fromCharCode(48 + ((i * 7919) % 75))).join("") }], { stateLimit: 100, commandsLimit: 100 })).toMatchObject({ ok: false, problem: expect.stringMatching(/so are the commands/) });
  });

  it("reject what is not a good link, with a reason", () => {
    const good = exportHost(createHost());
    const cases: Array<[string, RegExp]> = [
      ["#somewhere", /does not describe a sandbox/],
      ["#state=%%%", /characters a sandbox link never has/],
      ["#state=" + base64urlEncode(strToU8("not deflate at all")), /cannot be unpacked|not readable/],
      ["#state=" + base64urlEncode(deflateSync(strToU8("{not json"))), /not readable/],
      [fragment("state", { v: 99, host: good }), /another version/],
      [fragment("state", { v: 1, host: { ...good, version: 1 } }), /older version of Layerlab/],
      [fragment("state", { v: 1, host: { ...good, format: "other" } }), /not a saved Layerlab host/],
      [fragment("state", { v: 1, host: { ...good, clock: "soon" } }), /damaged \(clock/],
      [fragment("state", { v: 1, host: { ...good, blobs: [{ program: "docker", size: 1e12 }] } }), /damaged \(blobs/],
      [fragment("state", { v: 1, host: { ...good, daemon: { ...good.daemon, extra: 1 } } }), /damaged/],
      [fragment("state", { v: 1, host: { ...good, daemon: JSON.parse(`{"images":{"__proto__":{"x":1}},"containers":{},"networks":{},"volumes":{}}`) } }), /not allowed/],
      [fragment("commands", { v: 1, steps: [{ run: "echo hi\nrm -rf /" }] }), /control characters/],
      [fragment("commands", { v: 1, steps: [{ write: "../../etc/passwd", text: "x" }] }), /inside the home directory/],
      [fragment("commands", { v: 1, steps: [{ eval: "alert(1)" }] }), /cannot be replayed/],
      [fragment("commands", { v: 1, steps: "docker ps" }), /cannot be replayed/],
    ];
    for (const [hash, problem] of cases) {
      const r = decodePermalink(hash);
      expect(r.ok, hash.slice(0, 40)).toBe(false);
      if (!r.ok) expect(r.problem, hash.slice(0, 40)).toMatch(problem);
    }
  });

  it("stop inflating at the limit (a small link cannot claim gigabytes)", () => {
    const bomb = deflateSync(new Uint8Array(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    expect(inflateBounded(bomb, 1024 * 1024)).toBeNull();
    expect(inflateBounded(bomb, 16 * 1024 * 1024)?.length).toBe(8 * 1024 * 1024);
  });

  it("keep a fresh host small enough to share", () => {
    const made = encodePermalink(exportHost(createHost()), []);
    expect(made.ok && made.kind).toBe("state");
    if (made.ok) expect(made.fragment.length).toBeLessThan(8000);
  });
});

describe("replay", () => {
  it("keeps the directory between lines, stops runaway lines, and reports failures", async () => {
    const h = createHost();
    const r = await replaySteps(h, [{ run: "mkdir -p a/b && cd a" }, { run: "cd b" }, { run: "pwd > here.txt" }, { run: "sleep 100000" }, { run: "false" }, { write: "a/b/here.txt", text: "x" }, { remove: "missing" }]);
    expect(r.failed).toEqual([4, 5, 7]);
    expect((await h.run("cat /home/learner/a/b/here.txt")).stdout).toBe("x");
  });
});

// The state in a link is the same JSON a saved entry holds.
export type { HostState };
