import { describe, expect, it } from "vitest";
import { allExercises } from "../content/exercises";
import { checkOwnTargets, fromImages, fullImageName, missingImageCandidates, parseFlags, planStep, StepError, VERIFY_LABEL, volumeOfBind, volumeOfMount } from "./steps";

const ID = "lesson/ex";
const LABEL = ["--label", `${VERIFY_LABEL}=${ID}`];

describe("planStep labels everything a step creates", () => {
  it("run and create: label and --pull never right after the command, the rest unchanged", () => {
    const run = planStep(["run", "-d", "--name", "web", "busybox", "sleep", "3600"], ID);
    expect(run.argv).toEqual(["run", ...LABEL, "--pull", "never", "-d", "--name", "web", "busybox", "sleep", "3600"]);
    expect(run.creates.containers).toEqual(["web"]);
    expect(run.needsImages).toEqual(["busybox"]);
    const create = planStep(["container", "create", "--name=idle", "busybox", "true"], ID);
    expect(create.argv).toEqual(["container", "create", ...LABEL, "--pull", "never", "--name=idle", "busybox", "true"]);
    expect(create.command).toBe("create");
    expect(create.creates.containers).toEqual(["idle"]);
  });

  it("build: label on the image; tags, context and Dockerfile read", () => {
    const b = planStep(["build", "-t", "app:1", "--tag=app:latest", "-f", "docker/Dockerfile.dev", "ctx"], ID);
    expect(b.argv).toEqual(["build", ...LABEL, "-t", "app:1", "--tag=app:latest", "-f", "docker/Dockerfile.dev", "ctx"]);
    expect(b.creates.images).toEqual(["app:1", "app:latest"]);
    expect(b.build).toEqual({ context: "ctx", dockerfile: "docker/Dockerfile.dev" });
    expect(planStep(["image", "build", "-q", "-tapp", "."], ID).build).toEqual({ context: ".", dockerfile: "Dockerfile" });
    expect(planStep(["image", "build", "-q", "-tapp", "."], ID).creates.images).toEqual(["app"]);
  });

  it("volume and network create, commit", () => {
    expect(planStep(["volume", "create", "data"], ID)).toMatchObject({ argv: ["volume", "create", ...LABEL, "data"], creates: { volumes: ["data"] } });
    expect(planStep(["volume", "create", "--name", "data"], ID).creates.volumes).toEqual(["data"]);
    expect(planStep(["network", "create", "--internal", "-d", "bridge", "app"], ID)).toMatchObject({
      argv: ["network", "create", ...LABEL, "--internal", "-d", "bridge", "app"],
      creates: { networks: ["app"] },
    });
    expect(planStep(["commit", "-m", "snap", "web", "snap:1"], ID)).toMatchObject({
      argv: ["commit", "--change", `LABEL ${VERIFY_LABEL}=${ID}`, "-m", "snap", "web", "snap:1"],
      creates: { images: ["snap:1"] },
    });
  });

  it("tag and actions create no labelled object and run unchanged", () => {
    expect(planStep(["tag", "app:1", "mine:1"], ID)).toMatchObject({ argv: ["tag", "app:1", "mine:1"], creates: { images: ["mine:1"] }, acts: { images: ["app:1"] } });
    const acts: [string[], Partial<Record<"containers" | "images" | "networks", string[]>>][] = [
      [["stop", "-t", "1", "web"], { containers: ["web"] }],
      [["exec", "-u", "root", "web", "rm", "-f", "db"], { containers: ["web"] }],
      [["container", "cp", "./f", "a:/x"], { containers: ["a"] }],
      [["network", "connect", "--alias", "x", "app", "web"], { networks: ["app"], containers: ["web"] }],
      [["rm", "-fv", "web", "db"], { containers: ["web", "db"] }],
      [["rmi", "app:1"], { images: ["app:1"] }],
    ];
    for (const [argv, targets] of acts) {
      const p = planStep(argv, ID);
      expect(p.argv).toEqual(argv);
      expect(Object.values(p.creates).flat()).toEqual([]);
      expect(p.acts).toEqual({ containers: [], images: [], networks: [], ...targets });
    }
  });

  it("steps may act only on objects earlier steps created", () => {
    const plan = (...steps: string[][]) => steps.map((s) => planStep(s, ID));
    expect(() => checkOwnTargets(plan(["build", "-t", "app", "."], ["tag", "app:latest", "app:1"], ["run", "-d", "--name", "web", "app"], ["network", "create", "n"], ["network", "connect", "n", "web"], ["exec", "web", "true"], ["commit", "web", "snap"], ["stop", "web"]))).not.toThrow();
    expect(() => checkOwnTargets(plan(["tag", "busybox", "mine"]))).toThrow(/image busybox is not made by an earlier setup step/);
    expect(() => checkOwnTargets(plan(["stop", "web"]))).toThrow(/container web is not made/);
    expect(() => checkOwnTargets(plan(["run", "--name", "web", "busybox"], ["network", "connect", "bridge", "web"]))).toThrow(/network bridge/);
    expect(() => checkOwnTargets(plan(["commit", "learners", "snap"]))).toThrow(/container learners/);
  });

  it("named volumes a container mounts are found (binds and anonymous volumes are not)", () => {
    const p = planStep(["run", "-d", "-v", "data:/data", "-v", "/host:/h", "-v", "./rel:/r", "-v", "/anon", "--mount", "type=volume,src=cache,dst=/c", "--mount", "type=bind,source=/x,target=/y", "busybox"], ID);
    expect(p.mountsVolumes).toEqual(["data", "cache"]);
    expect(volumeOfBind("data:/d:ro")).toBe("data");
    expect(volumeOfBind("/abs:/d")).toBeNull();
    expect(volumeOfMount("target=/d,source=v")).toBe("v");
    expect(volumeOfMount("type=tmpfs,target=/t")).toBeNull();
  });

  it("refuses steps that would pull or that it cannot label", () => {
    expect(() => planStep(["pull", "busybox"], ID)).toThrow(StepError);
    expect(() => planStep(["run", "--pull", "always", "busybox"], ID)).toThrow(/never pulls/);
    expect(() => planStep(["build", "--pull", "."], ID)).toThrow(/never pulls/);
    expect(() => planStep(["build", "https://example.com/repo.git"], ID)).toThrow(/context/);
    expect(() => planStep(["load", "-i", "x.tar"], ID)).toThrow(/not a setup step/);
    expect(() => planStep(["-H", "tcp://x", "run", "busybox"], ID)).toThrow(/global flags/);
    expect(() => planStep(["run", "-d"], ID)).toThrow(/without an image/);
    expect(() => planStep(["system", "prune", "-f"], ID)).toThrow(StepError);
    expect(planStep(["run", "--pull=never", "busybox"], ID).needsImages).toEqual(["busybox"]);
  });

  it("every setup step of every real exercise in the course can be planned", () => {
    for (const ex of allExercises.filter((e) => e.real === true)) {
      const plans = ex.setup.flatMap((s) => ("docker" in s ? [planStep(s.docker, ex.id)] : []));
      expect(() => checkOwnTargets(plans), ex.id).not.toThrow();
    }
  });
});

describe("flag parsing follows the docker CLI", () => {
  const RUN = { boolLong: new Set(["rm", "detach"]), boolShort: new Set(["d", "i", "t"]), interspersed: false };
  it("combined short flags, attached values, --flag=value, -- and the end of flags at the image", () => {
    expect(parseFlags(["-dit", "-p8080:80", "-e=A=1", "--name=web", "--rm", "img", "--name", "x"], RUN)).toEqual({
      flags: [
        { name: "d", value: null },
        { name: "i", value: null },
        { name: "t", value: null },
        { name: "p", value: "8080:80" },
        { name: "e", value: "A=1" },
        { name: "name", value: "web" },
        { name: "rm", value: null },
      ],
      positionals: ["img", "--name", "x"],
    });
    expect(parseFlags(["-dp", "80:80", "--", "-img"], RUN).positionals).toEqual(["-img"]);
    expect(() => parseFlags(["--name"], RUN)).toThrow(/needs a value/);
  });
});

describe("images a setup needs", () => {
  it("FROM lines, without stages, scratch or ARG-built names", () => {
    const df = "ARG BASE=busybox\nFROM busybox:1.36 AS build\nFROM --platform=linux/amd64 build\nFROM $BASE\nFROM scratch\nfrom alpine\n";
    expect(fromImages(df)).toEqual(["busybox:1.36", "alpine"]);
  });
  it("images made by an earlier step are not needed", () => {
    const plans = [planStep(["build", "-t", "base:1", "base"], ID), planStep(["build", "-t", "app", "."], ID), planStep(["run", "app"], ID), planStep(["run", "busybox"], ID)];
    const files: Record<string, string> = { "base/Dockerfile": "FROM busybox\n", Dockerfile: "FROM base:1\n" };
    expect(missingImageCandidates(plans, (p) => files[p] ?? null)).toEqual(["busybox:latest"]);
    expect(fullImageName("reg.example:5000/a/b")).toBe("reg.example:5000/a/b:latest");
    expect(fullImageName("a@sha256:00")).toBe("a@sha256:00");
  });
});
