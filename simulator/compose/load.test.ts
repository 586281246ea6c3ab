import { describe, expect, it } from "vitest";
import { MemFs } from "../fs/memfs";
import { MountTable } from "../runtime/mounts";
import { Vfs } from "../runtime/vfs";
import { rootCred } from "../runtime/cred";
import { split } from "../fs/path";
import { utf8 } from "../util/bytes";
import { dependencyOrder, loadProject, normalizeProjectName, parseEnvFile, splitCommand } from "./load";
import { configYaml } from "./config";
import { ComposeError } from "./types";

function fsWith(files: Record<string, string>): Vfs {
  const mem = new MemFs(undefined, () => 0);
  for (const [p, content] of Object.entries(files)) {
    const parts = split(p);
    for (let i = 1; i < parts.length; i++) if (!mem.node(parts.slice(0, i))) mem.mkdir(parts.slice(0, i), { mode: 0o755, mtime: 0 });
    mem.writeFile(parts, utf8(content), { mode: 0o644, mtime: 0 });
  }
  const mnt = new MountTable();
  mnt.add({ at: [], backend: mem, readOnly: false, source: "x", fstype: "x", options: "" });
  return new Vfs(mnt, rootCred(), "/", () => 0, { tty: () => null } as never, 1);
}

const load = (files: Record<string, string>, o: Partial<Parameters<typeof loadProject>[1]> = {}) => loadProject(fsWith(files), { cwd: "/home/learner/My App", files: [], env: {}, ...o });

function error(f: () => unknown): ComposeError {
  try {
    f();
  } catch (e) {
    if (e instanceof ComposeError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("loading a Compose project", () => {
  it("finds compose.yaml, names the project after the directory (normalised) and expands short syntaxes", () => {
    const { project: p } = load({
      "/home/learner/My App/compose.yaml": "services:\n  web:\n    image: nginx\n    ports: ['8080:80', '127.0.0.1:5353:53/udp']\n    volumes: ['./site:/usr/share/nginx/html:ro', 'data:/data', '/cache']\n    command: nginx -g 'daemon off;'\n    environment: [A=1, B]\nvolumes:\n  data:\n",
    });
    expect(p.name).toBe("myapp");
    const web = p.services[0];
    expect(web.ports).toEqual([
      { mode: "ingress", target: 80, published: "8080", host_ip: "", protocol: "tcp" },
      { mode: "ingress", target: 53, published: "5353", host_ip: "127.0.0.1", protocol: "udp" },
    ]);
    expect(web.volumes).toEqual([
      { type: "bind", source: "/home/learner/My App/site", target: "/usr/share/nginx/html", read_only: true, create_host_path: true },
      { type: "volume", source: "data", target: "/data", read_only: false },
      { type: "volume", source: "", target: "/cache", read_only: false },
    ]);
    expect(web.command).toEqual(["nginx", "-g", "daemon off;"]);
    expect(web.environment).toEqual({ A: "1", B: null });
    expect(p.networks).toEqual({ default: { name: "myapp_default", external: false, labels: {} } });
    expect(p.volumes.data.name).toBe("myapp_data");
  });

  it("takes the name from -p, COMPOSE_PROJECT_NAME or name:, and refuses an invalid -p", () => {
    const files = { "/w/docker-compose.yml": "name: From-File\nservices:\n  a:\n    image: busybox\n" };
    expect(load(files, { cwd: "/w" }).project.name).toBe("from-file");
    expect(load(files, { cwd: "/w", env: { COMPOSE_PROJECT_NAME: "envname" } }).project.name).toBe("envname");
    expect(load(files, { cwd: "/w", projectName: "cli" }).project.name).toBe("cli");
    expect(error(() => load(files, { cwd: "/w", projectName: "Bad Name" })).message).toBe('invalid project name "Bad Name": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number');
    expect(normalizeProjectName("-My_App.v2")).toBe("my_appv2");
  });

  it("searches parent directories, and says when there is no file", () => {
    expect(load({ "/w/compose.yml": "services: {a: {image: busybox}}\n" }, { cwd: "/w/sub/deeper" }).project.workingDir).toBe("/w");
    const e = error(() => load({}, { cwd: "/w" }));
    expect([e.message, e.exitCode]).toEqual(["no configuration file provided: not found", 14]);
  });

  it("interpolates from .env and the environment", () => {
    const { project } = load({ "/w/compose.yaml": "services:\n  web:\n    image: nginx:${TAG:-latest}\n    environment:\n      GREETING: ${GREETING}\n      PRICE: $$5\n", "/w/.env": "GREETING=hello\nTAG=1.31\n" }, { cwd: "/w", env: { TAG: "mainline" } });
    expect(project.services[0].image).toBe("nginx:mainline");
    expect(project.services[0].environment).toEqual({ GREETING: "hello", PRICE: "$5" });
    expect(error(() => load({ "/w/compose.yaml": "services:\n  web:\n    image: ${IMG:?set IMG}\n" }, { cwd: "/w" })).message).toBe("required variable IMG is missing a value: set IMG");
  });

  it("reads env_file, build and depends_on, and orders services by dependency", () => {
    const { project: p } = load({
      "/w/compose.yaml": "services:\n  web:\n    build: ./app\n    env_file: web.env\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres\n  cache:\n    image: redis\n",
      "/w/web.env": "# comment\nDB_HOST=db\nexport MODE=\"dev\"\n",
    }, { cwd: "/w" });
    const web = p.services.find((s) => s.name === "web")!;
    expect(web.build).toEqual({ context: "/w/app", dockerfile: "Dockerfile", args: {}, target: "" });
    expect(web.environment).toEqual({ DB_HOST: "db", MODE: "dev" });
    expect(web.depends_on.db.condition).toBe("service_healthy");
    expect(dependencyOrder(p).map((s) => s.name)).toEqual(["cache", "db", "web"]);
  });

  it("fails with compose-go's messages: YAML errors name the line, validation, references and cycles", () => {
    const e = error(() => load({ "/w/compose.yaml": "services:\n  web:\n    image: nginx\n   ports: []\n" }, { cwd: "/w" }));
    expect(e.message).toMatch(/^failed to parse \/w\/compose\.yaml: yaml: line 4: /);
    expect(e.exitCode).toBe(15);
    expect(error(() => load({ "/w/compose.yaml": "services:\n  web:\n    imag: nginx\n" }, { cwd: "/w" })).message).toBe("validating /w/compose.yaml: services.web additional properties 'imag' not allowed");
    expect(error(() => load({ "/w/compose.yaml": "services:\n  web:\n    image: nginx\n    ports: 80\n" }, { cwd: "/w" })).message).toBe("validating /w/compose.yaml: services.web.ports must be a array");
    expect(error(() => load({ "/w/compose.yaml": "services:\n  web:\n    environment: [A=1]\n" }, { cwd: "/w" })).message).toBe('service "web" has neither an image nor a build context specified: invalid compose project');
    expect(error(() => load({ "/w/compose.yaml": "services:\n  web:\n    image: nginx\n    depends_on: [db]\n" }, { cwd: "/w" })).message).toBe('service "web" depends on undefined service "db": invalid compose project');
    expect(error(() => load({ "/w/compose.yaml": "services:\n  web:\n    image: nginx\n    volumes: ['data:/d']\n" }, { cwd: "/w" })).message).toBe('service "web" refers to undefined volume data: invalid compose project');
    expect(error(() => load({ "/w/compose.yaml": "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n" }, { cwd: "/w" })).message).toBe("dependency cycle detected: a -> b -> a");
  });

  it("warns about the obsolete version attribute and merges -f files in order", () => {
    const { project: p } = load({ "/w/a.yaml": "version: '3.8'\nservices:\n  web:\n    image: nginx\n    ports: ['80:80']\n", "/w/b.yaml": "services:\n  web:\n    image: nginx:mainline\n    ports: ['443:443']\n" }, { cwd: "/w", files: ["a.yaml", "b.yaml"] });
    expect(p.warnings).toEqual(["/w/a.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion"]);
    expect(p.services[0].image).toBe("nginx:mainline");
    expect(p.services[0].ports.map((x) => x.target)).toEqual([80, 443]);
  });

  it("renders the canonical configuration", () => {
    const { project } = load({ "/w/compose.yaml": "services:\n  web:\n    image: nginx\n    ports: ['8080:80']\n    networks: [front]\n    command: ['nginx', '-g', 'daemon off;']\nnetworks:\n  front:\n" }, { cwd: "/w" });
    expect(configYaml(project)).toBe('name: w\nservices:\n  web:\n    command:\n      - nginx\n      - -g\n      - daemon off;\n    image: nginx\n    networks:\n      front: null\n    ports:\n      - mode: ingress\n        target: 80\n        published: "8080"\n        protocol: tcp\nnetworks:\n  front:\n    name: w_front\n');
  });

  it("splits commands and env files like the shell", () => {
    expect(splitCommand(`sh -c "echo 'a b'" x\\ y`)).toEqual(["sh", "-c", "echo 'a b'", "x y"]);
    expect(parseEnvFile("A=1 # note\nB='x y'\nC\n")).toEqual([["A", "1"], ["B", "x y"], ["C", null]]);
  });
});
