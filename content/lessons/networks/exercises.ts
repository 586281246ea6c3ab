/** Lesson 11 exercises: a DNS alias on a user network, publishing a port, a container without a network. */
import type { CheckEngine, ContainerInspect } from "../../../simulator/check/engine";
import { defineExercises, type CheckResult } from "../../../simulator/check/exercise";

const pass: CheckResult = { pass: true };
const fail = (message: string): CheckResult => ({ pass: false, message });

const isResult = (v: ContainerInspect | CheckResult): v is CheckResult => "pass" in v;

/** A running container by name, or the failure that describes it. */
async function running(engine: CheckEngine, name: string, how: string): Promise<ContainerInspect | CheckResult> {
  const c = await engine.container(name);
  if (!c) return fail(`there is no container named \`${name}\`: ${how}`);
  if (!c.State.Running) {
    const st = c.State.Status === "exited" ? `has exited with code ${c.State.ExitCode}` : c.State.Status === "created" ? "was created but never started" : `is ${c.State.Status}`;
    return fail(`container \`${name}\` ${st}, expected it to be running`);
  }
  return c;
}

/** The networks a container is on, in words ("`bridge` (172.17.0.3)"). */
function networksText(c: ContainerInspect): string {
  const nets = Object.entries(c.NetworkSettings.Networks ?? {});
  if (nets.length === 0) return "no network";
  return nets.map(([n, e]) => `\`${n}\`${e.IPAddress ? ` (${e.IPAddress})` : ""}`).join(", ");
}

/** Aliases of a container on a network, without its own ID (the engine adds the short ID). */
function aliases(c: ContainerInspect, net: string): string[] {
  const id = c.Id.slice(0, 12);
  return (c.NetworkSettings.Networks[net]?.Aliases ?? []).filter((a) => a !== id);
}

const SITE = "site-ok";

export default defineExercises([
  {
    id: "networks/alias",
    title: "Reach the database as db",
    goal:
      "The application in `net-api` expects its database under the host name `db`. Both `net-api` and the database container `net-pg` run on the default bridge, " +
      "where names do not resolve. Create a user-defined network `net-backend` and attach both containers so that `net-api` reaches `net-pg` as `db`.",
    setup: [
      { docker: ["run", "-d", "--name", "net-pg", "busybox", "sh", "-c", `echo ${SITE.replace("site", "db")} > /index.html && exec httpd -f -p 80 -h /`] },
      { docker: ["run", "-d", "--name", "net-api", "busybox", "sleep", "3600"] },
    ],
    hints: [
      "Containers on the same user-defined network find each other by name through Docker's DNS server; the default `bridge` network has none.",
      "`docker network connect` attaches a running container to a network; `--alias` gives it an extra name on that network.",
      "`docker network create net-backend`, `docker network connect --alias db net-backend net-pg`, `docker network connect net-backend net-api`.",
    ],
    solution: ["docker network create net-backend", "docker network connect --alias db net-backend net-pg", "docker network connect net-backend net-api"],
    wrong: [
      {
        // both on the network, but nobody is called db
        commands: ["docker network create net-backend", "docker network connect net-backend net-pg", "docker network connect net-backend net-api"],
        expect: "no alias `db`",
      },
      {
        // the database is there, the application is not
        commands: ["docker network create net-backend", "docker network connect --alias db net-backend net-pg"],
        expect: "`net-api` is not attached",
      },
      {
        // the alias on the wrong container
        commands: ["docker network create net-backend", "docker network connect net-backend net-pg", "docker network connect --alias db net-backend net-api"],
        expect: "is an alias of `net-api`",
      },
    ],
    checks: [
      {
        description: "a user-defined network `net-backend` exists",
        async run(engine) {
          const n = await engine.network("net-backend");
          if (!n) return fail("there is no network `net-backend`: create it with `docker network create net-backend`");
          return n.Driver === "bridge" ? pass : fail(`network \`net-backend\` uses the driver \`${n.Driver}\`, expected \`bridge\``);
        },
      },
      {
        description: "`net-pg` and `net-api` are both attached to `net-backend`",
        async run(engine) {
          for (const name of ["net-pg", "net-api"]) {
            const c = await running(engine, name, "it was started by the exercise");
            if (isResult(c)) return c;
            if (!c.NetworkSettings.Networks["net-backend"]) {
              return fail(`\`${name}\` is not attached to \`net-backend\` (it is on ${networksText(c)}): containers only resolve each other on a network they share; \`docker network connect net-backend ${name}\``);
            }
          }
          return pass;
        },
      },
      {
        description: "from `net-api`, the name `db` reaches the web server of `net-pg`",
        async run(engine) {
          const [pg, api] = [await engine.container("net-pg"), await engine.container("net-api")];
          if (!pg || !api) return fail("`net-pg` and `net-api` must both exist");
          const r = await engine.exec("net-api", ["wget", "-qO-", "http://db/"]);
          if (r.exitCode === 0 && r.stdout.includes("db-ok")) return pass;
          if (aliases(api, "net-backend").includes("db")) return fail("`db` is an alias of `net-api`, not of `net-pg`: the alias belongs to the container that should answer to the name");
          if (!aliases(pg, "net-backend").includes("db")) {
            return fail("`net-pg` has no alias `db` on `net-backend`, so `db` does not resolve (it answers to `net-pg` and its ID there): attach it with `docker network connect --alias db net-backend net-pg`, or disconnect and connect again with the alias");
          }
          return fail(`from \`net-api\`, \`wget http://db/\` failed: ${(r.stderr || r.stdout).trim() || `exit code ${r.exitCode}`}`);
        },
      },
    ],
    real: true,
  },
  {
    id: "networks/publish",
    title: "Publish a port to the host",
    goal: "Run a container `net-site` (detached) from the image `net-site:1`, whose web server listens on port 80, so that the host reaches it at `http://127.0.0.1:8086/`.",
    setup: [
      { file: "site/Dockerfile", content: `FROM busybox\nRUN echo ${SITE} > /index.html\nEXPOSE 80\nCMD ["httpd", "-f", "-p", "80", "-h", "/"]\n` },
      { docker: ["build", "-t", "net-site:1", "site"] },
    ],
    hints: [
      "`EXPOSE 80` in the image only documents the port; nothing on the host forwards to it until the container is started with a publish option.",
      "`-p HOST:CONTAINER` forwards a host port to a container port; `-P` picks random host ports for every exposed port.",
      "`docker run -d --name net-site -p 8086:80 net-site:1`",
    ],
    solution: ["docker run -d --name net-site -p 8086:80 net-site:1"],
    wrong: [
      {
        // EXPOSE alone publishes nothing
        commands: ["docker run -d --name net-site net-site:1"],
        expect: "`EXPOSE` only documents",
      },
      {
        // -P: a random host port
        commands: ["docker run -d --name net-site -P net-site:1"],
        expect: "random host port",
      },
      {
        // the two numbers swapped
        commands: ["docker run -d --name net-site -p 80:8086 net-site:1"],
        expect: "`-p HOST:CONTAINER`",
      },
    ],
    checks: [
      {
        description: "a container `net-site` of `net-site:1` is running",
        async run(engine) {
          const c = await running(engine, "net-site", "run it with `docker run -d --name net-site ... net-site:1`");
          if (isResult(c)) return c;
          const img = await engine.image("net-site:1");
          return img && img.Id === c.Image ? pass : fail(`container \`net-site\` was made from \`${c.Config.Image}\`, expected \`net-site:1\``);
        },
      },
      {
        description: "host port 8086 is published to the container's port 80",
        async run(engine) {
          const c = await engine.container("net-site");
          if (!c) return fail("there is no container `net-site`");
          const bindings = c.HostConfig.PortBindings ?? {};
          if ((bindings["80/tcp"] ?? []).some((b) => b.HostPort === "8086")) return pass;
          const published = Object.entries(c.NetworkSettings.Ports ?? {}).flatMap(([port, list]) => (list ?? []).map((b) => ({ port, host: b.HostPort })));
          if (c.HostConfig.PublishAllPorts === true && published.length) {
            return fail(`\`-P\` published port 80 on a random host port (${[...new Set(published.map((p) => p.host))].join(", ")}), not 8086: name the host port with \`-p 8086:80\``);
          }
          const wrongWay = Object.entries(bindings).find(([port, list]) => port === "8086/tcp" && (list ?? []).some((b) => b.HostPort === "80"));
          if (wrongWay) return fail("`net-site` publishes host port 80 to container port 8086, where nothing listens: `-p HOST:CONTAINER` takes the host's port first (`-p 8086:80`)");
          if (Object.keys(bindings).length === 0) return fail("`net-site` publishes no port: `EXPOSE` only documents port 80, so start the container with `-p 8086:80`");
          const list = Object.entries(bindings).flatMap(([port, l]) => (l ?? []).map((b) => `${b.HostIp ? b.HostIp + ":" : ""}${b.HostPort || "(random)"}->${port}`));
          return fail(`\`net-site\` publishes ${list.join(", ")}, expected host port 8086 to container port 80 (\`-p 8086:80\`)`);
        },
      },
      {
        description: "the web server in `net-site` answers on port 80",
        async run(engine) {
          const c = await engine.container("net-site");
          if (!c || !c.State.Running) return fail("`net-site` is not running");
          const r = await engine.exec("net-site", ["wget", "-qO-", "http://127.0.0.1:80/"]);
          return r.exitCode === 0 && r.stdout.includes(SITE) ? pass : fail(`inside \`net-site\`, port 80 answers ${JSON.stringify((r.stdout || r.stderr).trim())}, expected the site`);
        },
      },
    ],
    real: true,
  },
  {
    id: "networks/sealed",
    title: "A container without a network",
    goal: "Start a container `net-sealed` (`busybox`, `sleep 3600`, detached) that has no network interface except loopback: nothing can reach it and it can reach nothing.",
    setup: [],
    hints: [
      "By default a container joins the default `bridge` network and gets an `eth0` with an address.",
      "The network called `none` gives a container its own network namespace with only `lo`.",
      "`docker run -d --name net-sealed --network none busybox sleep 3600`",
    ],
    solution: ["docker run -d --name net-sealed --network none busybox sleep 3600"],
    wrong: [
      {
        // the default network
        commands: ["docker run -d --name net-sealed busybox sleep 3600"],
        expect: "is on `bridge`",
      },
      {
        // the host's network: no isolation at all
        commands: ["docker run -d --name net-sealed --network host busybox sleep 3600"],
        expect: "shares the host's network",
      },
    ],
    checks: [
      {
        description: "`net-sealed` is running",
        async run(engine) {
          const c = await running(engine, "net-sealed", "run it with `docker run -d --name net-sealed ... busybox sleep 3600`");
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`net-sealed` has only the loopback interface",
        async run(engine) {
          const c = await engine.container("net-sealed");
          if (!c) return fail("there is no container `net-sealed`");
          const mode = c.HostConfig.NetworkMode;
          if (mode === "host") return fail("`net-sealed` shares the host's network stack (`--network host`): it sees every interface of the host, the opposite of sealed");
          if (mode !== "none") return fail(`\`net-sealed\` is on ${networksText(c)}: its \`eth0\` can reach other containers and the outside; use \`--network none\``);
          const r = await engine.exec("net-sealed", ["sh", "-c", "ip -4 addr | grep inet"]);
          const addrs = r.stdout.trim().split("\n").map((l) => l.trim()).filter(Boolean);
          return addrs.length === 1 && addrs[0].startsWith("inet 127.0.0.1/8") ? pass : fail(`\`net-sealed\` has these addresses: ${addrs.join("; ")}`);
        },
      },
    ],
    real: true,
  },
]);
