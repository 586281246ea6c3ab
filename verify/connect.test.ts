import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dockerOptions, explainConnectionError, resolveEndpoint, SetupError, TimeoutError, withTimeout, type Machine } from "./connect";

function machine(files: Record<string, string> = {}, env: Record<string, string> = {}, platform = "linux"): Machine {
  return { env, home: "/home/ada", platform, uid: 1000, exists: (p) => p in files, readText: (p) => files[p] ?? null };
}
const meta = (name: string) => `/home/ada/.docker/contexts/meta/${createHash("sha256").update(name).digest("hex")}/meta.json`;
const context = (name: string, host: string) => ({ [meta(name)]: JSON.stringify({ Name: name, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }) });

describe("resolveEndpoint finds the engine the docker command uses", () => {
  it("DOCKER_HOST first", () => {
    const m = machine({ "/home/ada/.docker/config.json": '{"currentContext":"desktop-linux"}' }, { DOCKER_HOST: "unix:///run/user/1000/docker.sock" });
    expect(resolveEndpoint(m)).toEqual({ host: "unix:///run/user/1000/docker.sock", source: "DOCKER_HOST", tls: undefined });
  });
  it("then DOCKER_CONTEXT, then the config's currentContext, read from the context store", () => {
    const files = { "/home/ada/.docker/config.json": '{"currentContext":"desktop-linux"}', ...context("desktop-linux", "unix:///home/ada/.docker/desktop/docker.sock"), ...context("rootless", "unix:///run/user/1000/docker.sock") };
    expect(resolveEndpoint(machine(files))).toMatchObject({ host: "unix:///home/ada/.docker/desktop/docker.sock", source: "context desktop-linux" });
    expect(resolveEndpoint(machine(files, { DOCKER_CONTEXT: "rootless" }))).toMatchObject({ host: "unix:///run/user/1000/docker.sock", source: "context rootless" });
  });
  it("the default socket when no context is chosen (or \"default\"); a named pipe on Windows", () => {
    expect(resolveEndpoint(machine())).toEqual({ host: "unix:///var/run/docker.sock", source: "default" });
    expect(resolveEndpoint(machine({}, { DOCKER_CONTEXT: "default" })).host).toBe("unix:///var/run/docker.sock");
    expect(resolveEndpoint(machine({}, {}, "win32")).host).toBe("npipe:////./pipe/docker_engine");
  });
  it("an unknown context is an error that says how to pick one", () => {
    expect(() => resolveEndpoint(machine({}, { DOCKER_CONTEXT: "gone" }))).toThrow(/context "gone".*docker context use/s);
    expect(() => resolveEndpoint(machine({ "/home/ada/.docker/config.json": "{oops" }))).toThrow(SetupError);
  });
  it("DOCKER_CONFIG moves the config folder", () => {
    const files = { "/cfg/config.json": '{"currentContext":"x"}', [`/cfg/contexts/meta/${createHash("sha256").update("x").digest("hex")}/meta.json`]: JSON.stringify({ Endpoints: { docker: { Host: "tcp://10.0.0.2:2375" } } }) };
    expect(resolveEndpoint(machine(files, { DOCKER_CONFIG: "/cfg" })).host).toBe("tcp://10.0.0.2:2375");
  });
});

describe("dockerOptions", () => {
  const m = machine({ "/c/ca.pem": "CA", "/c/cert.pem": "CERT", "/c/key.pem": "KEY" });
  it("sockets, named pipes and TCP (with TLS material when the endpoint has it)", () => {
    expect(dockerOptions({ host: "unix:///var/run/docker.sock", source: "x" }, m, 5)).toEqual({ socketPath: "/var/run/docker.sock", timeout: 5 });
    expect(dockerOptions({ host: "npipe:////./pipe/docker_engine", source: "x" }, m, 5)).toEqual({ socketPath: "//./pipe/docker_engine", timeout: 5 });
    expect(dockerOptions({ host: "tcp://127.0.0.1:2375", source: "x" }, m, 5)).toEqual({ host: "127.0.0.1", port: "2375", protocol: "http", timeout: 5 });
    expect(dockerOptions({ host: "tcp://h:2376", source: "x", tls: { ca: "/c/ca.pem", cert: "/c/cert.pem", key: "/c/key.pem" } }, m, 5)).toMatchObject({ protocol: "https", ca: "CA", cert: "CERT", key: "KEY" });
  });
  it("ssh endpoints are refused with what to do instead", () => {
    expect(() => dockerOptions({ host: "ssh://me@box", source: "context box" }, m, 5)).toThrow(/not supported.*DOCKER_HOST/s);
  });
});

describe("explainConnectionError", () => {
  const ep = { host: "unix:///var/run/docker.sock", source: "default" };
  const err = (code: string) => Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code });

  it("no socket: is Docker running, and where rootless and Docker Desktop listen", () => {
    const text = explainConnectionError(err("ENOENT"), ep, machine()) ?? "";
    expect(text).toMatch(/\/var\/run\/docker\.sock does not exist/);
    expect(text).toMatch(/systemctl start docker/);
    expect(text).toMatch(/Rootless Docker listens on \$XDG_RUNTIME_DIR\/docker\.sock/);
    expect(text).toMatch(/docker context use/);
  });
  it("no socket, but a rootless or Docker Desktop socket exists: says exactly which DOCKER_HOST to set", () => {
    const rootless = explainConnectionError(err("ENOENT"), ep, machine({ "/run/user/1000/docker.sock": "" })) ?? "";
    expect(rootless).toMatch(/\/run\/user\/1000\/docker\.sock \(rootless Docker\)/);
    expect(rootless).toMatch(/export DOCKER_HOST=unix:\/\/\/run\/user\/1000\/docker\.sock/);
    const desktop = explainConnectionError(err("ENOENT"), ep, machine({ "/home/ada/.docker/desktop/docker.sock": "" })) ?? "";
    expect(desktop).toMatch(/export DOCKER_HOST=unix:\/\/\/home\/ada\/\.docker\/desktop\/docker\.sock/);
  });
  it("permission denied: the docker group fix", () => {
    for (const code of ["EACCES", "EPERM"]) {
      const text = explainConnectionError(err(code), ep, machine()) ?? "";
      expect(text).toMatch(/Permission denied on \/var\/run\/docker\.sock/);
      expect(text).toMatch(/sudo usermod -aG docker \$USER/);
      expect(text).toMatch(/newgrp docker/);
    }
  });
  it("refused, unreachable and timed out", () => {
    expect(explainConnectionError(err("ECONNREFUSED"), ep, machine())).toMatch(/nothing is listening/);
    expect(explainConnectionError(err("ENOTFOUND"), { host: "tcp://nohost:2375", source: "DOCKER_HOST" }, machine())).toMatch(/Cannot reach/);
    expect(explainConnectionError(new TimeoutError("ping", 10), ep, machine())).toMatch(/did not answer within 10 s/);
  });
  it("other errors are not connection errors", () => {
    expect(explainConnectionError(new Error("boom"), ep, machine())).toBeNull();
    expect(explainConnectionError(Object.assign(new Error("x"), { statusCode: 500 }), ep, machine())).toBeNull();
  });
});

describe("withTimeout", () => {
  it("passes results and errors through, and rejects a promise that never settles", async () => {
    await expect(withTimeout(Promise.resolve(3), 1000, "x")).resolves.toBe(3);
    await expect(withTimeout(Promise.reject(new Error("no")), 1000, "x")).rejects.toThrow("no");
    await expect(withTimeout(new Promise(() => {}), 10, "waiting")).rejects.toBeInstanceOf(TimeoutError);
  });
});
