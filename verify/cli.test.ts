import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Docker from "dockerode";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { defineExercises, type Exercise } from "../simulator/check/exercise";
import { EXIT, formatReport, main, parseArgs, reportLocale, USAGE, type Deps } from "./cli";
import type { Machine } from "./connect";
import { VERIFY_LABEL } from "./steps";

const tmp = mkdtempSync(join(tmpdir(), "layerlab-verify-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const [solo, built, simOnly] = defineExercises([
  {
    id: "demo/solo",
    title: "A container named solo",
    goal: "Run `solo`.",
    setup: [],
    hints: ["h"],
    solution: ["docker run --name solo busybox true"],
    wrong: [{ commands: ["true"], expect: "no container" }],
    checks: [
      {
        description: "a container named `solo` exists",
        async run(engine) {
          return (await engine.container("solo")) ? { pass: true } : { pass: false, message: "there is no container `solo`", translations: { ja: "there is no container `solo`" } };
        },
      },
    ],
    real: true,
  },
  {
    id: "demo/built",
    title: "Built",
    goal: "g",
    setup: [
      { file: "app/Dockerfile", content: "FROM busybox\n" },
      { docker: ["build", "-t", "demo-app:1", "app"] },
      { docker: ["run", "-d", "--name", "demo-web", "-v", "demo-data:/data", "demo-app:1", "sh", "-c", "echo 'a b' > /x; sleep 9"] },
      { docker: ["network", "create", "demo-net"] },
    ],
    hints: ["h"],
    solution: ["true"],
    wrong: [{ commands: ["true"], expect: "x" }],
    checks: [{ description: "d", run: async () => ({ pass: true }) }],
    real: true,
  },
  {
    id: "demo/sim-only",
    title: "Sim only",
    goal: "g",
    setup: [],
    hints: ["h"],
    solution: ["true"],
    wrong: [{ commands: ["true"], expect: "x" }],
    checks: [{ description: "d", run: async () => ({ pass: true }) }],
    real: { reason: "it needs the nginx image, which exists only as a simulator model" },
  },
]);
const exercises: Exercise[] = [solo, built, simOnly];

const notFound = () => Promise.reject(Object.assign(new Error("(HTTP code 404) no such object"), { statusCode: 404, json: { message: "No such object" } }));

/** An Engine API client that knows a few objects; enough for the CLI's paths. */
function fakeDocker(state: { containers?: string[]; images?: string[]; volumes?: string[]; ping?: () => Promise<unknown> } = {}) {
  const createdVolumes: { Name: string; Labels: Record<string, string> }[] = [];
  const docker = {
    ping: state.ping ?? (() => Promise.resolve("OK")),
    getContainer: (name: string) => ({
      inspect: () => ((state.containers ?? []).includes(name) ? Promise.resolve({ Id: name.padEnd(64, "0"), Name: `/${name}`, Config: { Labels: {} } }) : notFound()),
    }),
    getImage: (ref: string) => ({ inspect: () => ((state.images ?? []).includes(ref) ? Promise.resolve({ Id: "sha256:" + "1".repeat(64), RepoTags: [ref], Config: { Labels: null } }) : notFound()) }),
    getVolume: (name: string) => ({ inspect: () => ((state.volumes ?? []).includes(name) ? Promise.resolve({ Name: name, Labels: null }) : notFound()) }),
    getNetwork: () => ({ inspect: notFound }),
    listContainers: () => Promise.resolve([]),
    listImages: () => Promise.resolve([]),
    listVolumes: () => Promise.resolve({ Volumes: [], Warnings: null }),
    listNetworks: () => Promise.resolve([]),
    createVolume: (opts: { Name: string; Labels: Record<string, string> }) => {
      createdVolumes.push(opts);
      return Promise.resolve({});
    },
  };
  return { docker: docker as unknown as Docker, createdVolumes };
}

function run(args: string[], opts: { env?: Record<string, string>; docker?: Docker; dockerCommand?: string } = {}) {
  let out = "";
  let err = "";
  const machine: Machine = {
    env: { LAYERLAB_VERIFY_DIR: join(tmp, "work"), ...opts.env },
    home: join(tmp, "home"),
    platform: "linux",
    uid: 1000,
    exists: existsSync,
    readText: () => null,
  };
  const deps: Deps = {
    io: { out: (t) => (out += t), err: (t) => (err += t) },
    machine,
    exercises,
    ...(opts.docker ? { connect: () => opts.docker as Docker } : {}),
    dockerCommand: opts.dockerCommand,
  };
  return main(args, deps).then((code) => ({ code, out, err }));
}

describe("report language", () => {
  it("is Japanese when the locale environment starts with ja, English otherwise", () => {
    expect(reportLocale({ LANG: "ja_JP.UTF-8" })).toBe("ja");
    expect(reportLocale({ LANG: "en_US.UTF-8", LC_ALL: "ja_JP.UTF-8" })).toBe("ja");
    expect(reportLocale({ LANG: "ja_JP.UTF-8", LC_ALL: "C" })).toBe("en");
    expect(reportLocale({ LANG: "jv_ID" })).toBe("en");
    expect(reportLocale({})).toBe("en");
  });

  it("prints an exercise's translated title, check descriptions and messages", () => {
    const ex: Exercise = {
      ...exercises[0]!,
      translations: { ja: { title: "コンテナ solo", goal: "`solo` を実行してください。", hints: ["ヒント"], checks: ["`solo` という名前のコンテナがある"] } },
    };
    const report = { pass: false, message: "there is no container `solo`", results: [{ description: ex.checks[0]!.description, result: { pass: false as const, message: "there is no container `solo`", translations: { ja: "コンテナ `solo` がありません" } } }] };
    const ja = formatReport(ex, report, "ja");
    expect(ja).toContain("demo/solo: コンテナ solo");
    expect(ja).toContain("FAIL  `solo` という名前のコンテナがある");
    expect(ja).toContain("コンテナ `solo` がありません");
    expect(formatReport(ex, report, "en")).toContain("FAIL  a container named `solo` exists\n        there is no container `solo`");
  });
});

describe("parseArgs", () => {
  it("reads the four commands and --help", () => {
    expect(parseArgs(["list"])).toEqual({ name: "list" });
    expect(parseArgs(["setup", "a/b"])).toEqual({ name: "setup", id: "a/b" });
    expect(parseArgs(["check", "a/b"])).toEqual({ name: "check", id: "a/b", json: false });
    expect(parseArgs(["check", "--json", "a/b"])).toEqual({ name: "check", id: "a/b", json: true });
    expect(parseArgs(["clean"])).toEqual({ name: "clean", id: undefined });
    expect(parseArgs(["clean", "a/b"])).toEqual({ name: "clean", id: "a/b" });
    expect(parseArgs(["--help"])).toEqual({ name: "help" });
    expect(parseArgs(["check", "-h"])).toEqual({ name: "help" });
  });
  it("says what is wrong with a command line", () => {
    expect(parseArgs([])).toBe("no command given");
    expect(parseArgs(["setup"])).toMatch(/needs one exercise id/);
    expect(parseArgs(["check", "a/b", "c/d"])).toMatch(/needs one exercise id/);
    expect(parseArgs(["clean", "a/b", "c/d"])).toMatch(/at most one/);
    expect(parseArgs(["list", "x"])).toMatch(/no arguments/);
    expect(parseArgs(["setup", "a/b", "--json"])).toMatch(/--json goes with check/);
    expect(parseArgs(["check", "a/b", "--force"])).toMatch(/unknown option --force/);
    expect(parseArgs(["prune"])).toMatch(/unknown command "prune"/);
  });
});

describe("main", () => {
  beforeEach(() => rmSync(join(tmp, "work"), { recursive: true, force: true }));

  it("--help prints the usage (exit 0); a bad command line prints it to stderr (exit 2)", async () => {
    expect(await run(["--help"])).toEqual({ code: EXIT.ok, out: USAGE, err: "" });
    const bad = await run(["frobnicate"]);
    expect(bad.code).toBe(EXIT.error);
    expect(bad.err).toContain('unknown command "frobnicate"');
    expect(bad.err).toContain("Usage:");
  });

  it("list shows the real-mode exercises with their ids", async () => {
    const r = await run(["list"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toBe("demo/solo   A container named solo\ndemo/built  Built\n(1 more exercise runs only in the simulator)\n");
  });

  it("an unknown or simulator-only exercise is an error (exit 2) before any connection", async () => {
    const unknown = await run(["check", "demo/nope"], { env: { DOCKER_HOST: "unix:///nonexistent" } });
    expect(unknown.code).toBe(EXIT.error);
    expect(unknown.err).toMatch(/Unknown exercise "demo\/nope"/);
    const sim = await run(["setup", "demo/sim-only"]);
    expect(sim.code).toBe(EXIT.error);
    expect(sim.err).toMatch(/runs only in the simulator: it needs the nginx image/);
  });

  it("no daemon at the socket: exit 2 with where Docker was looked for", async () => {
    const sock = join(tmp, "no-such.sock");
    const r = await run(["check", "demo/solo"], { env: { DOCKER_HOST: `unix://${sock}` } });
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toContain(`Cannot connect to the Docker daemon at unix://${sock} (from DOCKER_HOST): ${sock} does not exist. Is Docker running?`);
    const json = await run(["check", "demo/solo", "--json"], { env: { DOCKER_HOST: `unix://${sock}` } });
    expect(json.code).toBe(EXIT.error);
    expect(JSON.parse(json.out)).toMatchObject({ exercise: "demo/solo", error: expect.stringContaining("does not exist") });
  });

  it("permission denied on the socket: exit 2 with the docker-group fix", async () => {
    const { docker } = fakeDocker({ ping: () => Promise.reject(Object.assign(new Error("connect EACCES /var/run/docker.sock"), { code: "EACCES" })) });
    const r = await run(["setup", "demo/solo"], { docker });
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/Permission denied on \/var\/run\/docker\.sock/);
    expect(r.err).toMatch(/sudo usermod -aG docker \$USER/);
  });

  it("check: exit 0 when every check passes, 1 with the check's message when one fails", async () => {
    const pass = await run(["check", "demo/solo"], { docker: fakeDocker({ containers: ["solo"] }).docker });
    expect(pass.code).toBe(EXIT.ok);
    expect(pass.out).toContain("PASS  a container named `solo` exists");
    const fail = await run(["check", "demo/solo"], { docker: fakeDocker().docker });
    expect(fail.code).toBe(EXIT.fail);
    expect(fail.out).toContain("FAIL  a container named `solo` exists\n        there is no container `solo`");
    const json = await run(["check", "demo/solo", "--json"], { docker: fakeDocker().docker });
    expect(json.code).toBe(EXIT.fail);
    expect(JSON.parse(json.out)).toEqual({
      exercise: "demo/solo",
      engine: "unix:///var/run/docker.sock",
      pass: false,
      setupDone: true,
      checks: [{ description: "a container named `solo` exists", pass: false, message: "there is no container `solo`" }],
    });
  });

  describe("setup runs each docker step as an argument array with the label added", () => {
    const log = join(tmp, "docker-argv.log");
    const fakeCli = join(tmp, "fake-docker");
    writeFileSync(fakeCli, `#!/bin/sh\nfor a in "$@"; do printf '[%s]' "$a" >> "${log}"; done\necho >> "${log}"\npwd >> "${log}"\n`);
    chmodSync(fakeCli, 0o755);
    const L = `${VERIFY_LABEL}=demo/built`;

    it("labels build/run/network create, makes the mounted volume labelled, passes words unchanged", async () => {
      rmSync(log, { force: true });
      const fake = fakeDocker({ images: ["busybox:latest"] });
      const r = await run(["setup", "demo/built"], { docker: fake.docker, dockerCommand: fakeCli });
      expect(r.err).toBe("");
      expect(r.code).toBe(EXIT.ok);
      const work = join(tmp, "work", "demo", "built");
      expect(readFileSync(join(work, "app", "Dockerfile"), "utf8")).toBe("FROM busybox\n");
      expect(readFileSync(log, "utf8")).toBe(
        [
          `[build][--label][${L}][-t][demo-app:1][app]`,
          work,
          `[run][--label][${L}][--pull][never][-d][--name][demo-web][-v][demo-data:/data][demo-app:1][sh][-c][echo 'a b' > /x; sleep 9]`,
          work,
          `[network][create][--label][${L}][demo-net]`,
          work,
          "",
        ].join("\n"),
      );
      expect(fake.createdVolumes).toEqual([{ Name: "demo-data", Labels: { [VERIFY_LABEL]: "demo/built" } }]);
      expect(r.out).toContain(`Working folder: ${work}`);
      expect(r.out).toContain("npm run --silent verify -- check demo/built");
    });

    it("a missing image stops setup before anything runs, naming the image and how to get it without pulling", async () => {
      rmSync(log, { force: true });
      const r = await run(["setup", "demo/built"], { docker: fakeDocker().docker, dockerCommand: fakeCli });
      expect(r.code).toBe(EXIT.error);
      expect(r.err).toContain("The image busybox:latest is not on this Docker engine, and verify never pulls images.");
      expect(r.err).toContain("bash scripts/lab/build-busybox.sh busybox:latest");
      expect(existsSync(log)).toBe(false);
    });

    it("every setup needs the lab image, even one with no steps", async () => {
      const missing = await run(["setup", "demo/solo"], { docker: fakeDocker().docker, dockerCommand: fakeCli });
      expect(missing.code).toBe(EXIT.error);
      expect(missing.err).toContain("The image busybox:latest is not on this Docker engine");
      const present = await run(["setup", "demo/solo"], { docker: fakeDocker({ images: ["busybox:latest"] }).docker, dockerCommand: fakeCli });
      expect(present.code).toBe(EXIT.ok);
      expect(present.out).toContain("nothing to prepare: the exercise starts from busybox:latest alone");
    });

    it("a name that exists and is not setup's stops setup before anything runs", async () => {
      rmSync(log, { force: true });
      const r = await run(["setup", "demo/built"], { docker: fakeDocker({ images: ["busybox:latest"], containers: ["demo-web"], volumes: ["demo-data"] }).docker, dockerCommand: fakeCli });
      expect(r.code).toBe(EXIT.error);
      expect(r.err).toContain("a container named demo-web already exists");
      expect(r.err).toContain("docker rm -f demo-web");
      expect(r.err).toContain("a volume named demo-data already exists");
      expect(existsSync(log)).toBe(false);
    });

    it("no docker command: exit 2 saying so", async () => {
      const r = await run(["setup", "demo/built"], { docker: fakeDocker({ images: ["busybox:latest"] }).docker, dockerCommand: join(tmp, "missing-docker") });
      expect(r.code).toBe(EXIT.error);
      expect(r.err).toMatch(/command was not found on PATH/);
    });
  });
});
