// DockerEngine against a real daemon is tested by tests/real/engine-conformance.test.ts (the same
// cases as the simulator's engine). Here: the parts that need no daemon.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Docker from "dockerode";
import { afterAll, describe, expect, it } from "vitest";
import { daemonError, DockerEngine } from "./docker-engine";

const dir = mkdtempSync(join(tmpdir(), "layerlab-engine-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, "work", "app"), { recursive: true });
writeFileSync(join(dir, "work", "app", "Dockerfile"), "FROM busybox\n");
writeFileSync(join(dir, "outside.txt"), "secret\n");
symlinkSync("app/Dockerfile", join(dir, "work", "link"));

const notFound = () => Promise.reject(Object.assign(new Error("(HTTP code 404) no such container - No such container: x "), { statusCode: 404, json: { message: "No such container: x" } }));
const docker = { getContainer: () => ({ inspect: notFound }), getImage: () => ({ inspect: notFound, history: notFound }) } as unknown as Docker;
const engine = new DockerEngine(docker, { workDir: join(dir, "work") });

describe("DockerEngine without a daemon", () => {
  it("hostFile reads the working folder: files (through symlinks), null for folders and missing files", async () => {
    expect(await engine.hostFile("app/Dockerfile")).toBe("FROM busybox\n");
    expect(await engine.hostFile("link")).toBe("FROM busybox\n");
    expect(await engine.hostFile("app")).toBeNull();
    expect(await engine.hostFile("nope.txt")).toBeNull();
  });
  it("hostFile refuses paths outside the working folder", async () => {
    await expect(engine.hostFile("../outside.txt")).rejects.toThrow(/outside the working folder/);
    await expect(engine.hostFile("app/../../outside.txt")).rejects.toThrow(/outside the working folder/);
    expect(await engine.hostFile("/app/Dockerfile")).toBe("FROM busybox\n"); // relative to the folder, as in the simulator
  });
  it("lookups answer null for 404; readFile of a missing container throws as docker cp does", async () => {
    expect(await engine.container("x")).toBeNull();
    expect(await engine.image("x")).toBeNull();
    expect(await engine.history("x")).toBeNull();
    expect(await engine.container("")).toBeNull();
    await expect(engine.readFile("x", "/etc/hostname")).rejects.toThrow("No such container: x");
  });
  it("daemonError keeps the daemon's words", () => {
    expect(daemonError(Object.assign(new Error("(HTTP code 409) unexpected - Container abc is not running"), { statusCode: 409, json: { message: "Container abc is not running" } })).message).toBe("Container abc is not running");
    const plain = new Error("socket hang up");
    expect(daemonError(plain)).toBe(plain);
  });
});
