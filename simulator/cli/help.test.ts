import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FlagDef } from "./flags";
import { renderHelp } from "./help";
import { TOP_LEVEL_HELP } from "./help-top";

/** `docker <cmd> --help` recorded from the docker 28.2 client (stdout not a terminal). */
const recorded = (name: string) => readFileSync(new URL(`./testdata/help-${name}.txt`, import.meta.url), "utf8");

const FORMAT_USAGE =
  "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n" +
  "'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n" +
  "'TEMPLATE':         Print output using the given Go template.\n" +
  "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

describe("renderHelp matches docker 28.2", () => {
  it("docker rm --help", () => {
    const flags: FlagDef[] = [
      { long: "force", short: "f", type: "bool", usage: "Force the removal of a running container (uses SIGKILL)" },
      { long: "link", short: "l", type: "bool", usage: "Remove the specified link" },
      { long: "volumes", short: "v", type: "bool", usage: "Remove anonymous volumes associated with the container" },
    ];
    const help = renderHelp({
      path: "docker rm",
      use: "[OPTIONS] CONTAINER [CONTAINER...]",
      short: "Remove one or more containers",
      aliases: ["docker container rm", "docker container remove", "docker rm"],
      flags,
    });
    expect(help).toBe(recorded("rm"));
  });

  it("docker stop --help", () => {
    const help = renderHelp({
      path: "docker stop",
      use: "[OPTIONS] CONTAINER [CONTAINER...]",
      short: "Stop one or more running containers",
      aliases: ["docker container stop", "docker stop"],
      flags: [
        { long: "timeout", short: "t", type: "int", usage: "Seconds to wait before killing the container" },
        { long: "signal", short: "s", type: "string", usage: "Signal to send to the container" },
        { long: "time", type: "int", usage: "Seconds to wait before killing the container", deprecated: "use --timeout" },
      ],
    });
    expect(help).toBe(recorded("stop"));
  });

  it("docker ps --help (multi-line usage, a non-zero default)", () => {
    const help = renderHelp({
      path: "docker ps",
      use: "[OPTIONS]",
      short: "List containers",
      aliases: ["docker container ls", "docker container list", "docker container ps", "docker ps"],
      flags: [
        { long: "quiet", short: "q", type: "bool", usage: "Only display container IDs" },
        { long: "size", short: "s", type: "bool", usage: "Display total file sizes" },
        { long: "all", short: "a", type: "bool", usage: "Show all containers (default shows just running)" },
        { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
        { long: "latest", short: "l", type: "bool", usage: "Show the latest created container (includes all states)" },
        { long: "last", short: "n", type: "int", default: -1, usage: "Show n last created containers (includes all states)" },
        { long: "format", type: "string", usage: FORMAT_USAGE },
        { long: "filter", short: "f", type: "filter", usage: "Filter output based on conditions provided" },
      ],
    });
    expect(help).toBe(recorded("ps"));
  });

  it("docker images --help", () => {
    const help = renderHelp({
      path: "docker images",
      use: "[OPTIONS] [REPOSITORY[:TAG]]",
      short: "List images",
      aliases: ["docker image ls", "docker image list", "docker images"],
      flags: [
        { long: "quiet", short: "q", type: "bool", usage: "Only show image IDs" },
        { long: "all", short: "a", type: "bool", usage: "Show all images (default hides intermediate images)" },
        { long: "digests", type: "bool", usage: "Show digests" },
        { long: "format", type: "string", usage: FORMAT_USAGE },
        { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
        { long: "filter", short: "f", type: "filter", usage: "Filter output based on conditions provided" },
        { long: "tree", type: "bool", usage: "List multi-platform images as a tree (EXPERIMENTAL)", hidden: true },
      ],
    });
    expect(help).toBe(recorded("images"));
  });

  it("docker exec --help (backquoted type names in usage)", () => {
    const help = renderHelp({
      path: "docker exec",
      use: "[OPTIONS] CONTAINER COMMAND [ARG...]",
      short: "Execute a command in a running container",
      aliases: ["docker container exec", "docker exec"],
      flags: [
        { long: "detach-keys", type: "string", usage: "Override the key sequence for detaching a container" },
        { long: "interactive", short: "i", type: "bool", usage: "Keep STDIN open even if not attached" },
        { long: "tty", short: "t", type: "bool", usage: "Allocate a pseudo-TTY" },
        { long: "detach", short: "d", type: "bool", usage: "Detached mode: run command in the background" },
        { long: "user", short: "u", type: "string", usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
        { long: "privileged", type: "bool", usage: "Give extended privileges to the command" },
        { long: "env", short: "e", type: "list", usage: "Set environment variables" },
        { long: "workdir", short: "w", type: "string", usage: "Working directory inside the container" },
        { long: "env-file", type: "list", usage: "Read in a file of environment variables" },
      ],
    });
    expect(help).toBe(recorded("exec"));
  });

  it("docker run --help: ~100 flags, wrapping at 79 columns", () => {
    // The flag table is read back from the recorded help itself: names, shorthands and type names
    // from the left column, usage texts unwrapped (the one multi-line usage, --cgroupns, as docker
    // defines it). Rendering must re-wrap every usage exactly as pflag did.
    const text = recorded("run");
    const block = text.slice(text.indexOf("Options:\n") + 9).replace(/\n$/, "");
    const flags: FlagDef[] = [];
    for (const line of block.split("\n")) {
      const m = /^ {2}(?:-(.), )?(?: {4})?--([a-z0-9-]+)(?: ([a-z0-9-]+))? +(.*)$/.exec(line);
      if (m && line.length > 6 && line.slice(0, 39).trim() !== "") {
        flags.push({ long: m[2], short: m[1], type: m[3] ? "string" : "bool", typeName: m[3] ?? "", usage: m[4] });
      } else flags[flags.length - 1].usage += " " + line.trim();
    }
    const cg = flags.find((f) => f.long === "cgroupns")!;
    cg.usage =
      "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n" +
      "'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n" +
      "           default-cgroupns-mode option on the daemon (default)";
    for (const f of flags) if (f.type === "string" && f.typeName === "string") f.typeName = undefined;
    expect(flags.length).toBeGreaterThan(90);
    const help = renderHelp({
      path: "docker run",
      use: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
      short: "Create and run a new container from an image",
      aliases: ["docker container run", "docker run"],
      flags,
    });
    expect(help).toBe(text);
  });

  it("a command group: docker network --help", () => {
    const help = renderHelp({
      path: "docker network",
      use: "COMMAND",
      short: "Manage networks",
      subcommands: [
        { name: "connect", short: "Connect a container to a network" },
        { name: "create", short: "Create a network" },
        { name: "disconnect", short: "Disconnect a container from a network" },
        { name: "inspect", short: "Display detailed information on one or more networks" },
        { name: "ls", short: "List networks" },
        { name: "prune", short: "Remove all unused networks" },
        { name: "rm", short: "Remove one or more networks" },
      ],
    });
    expect(help).toBe(recorded("network"));
  });

  it("the top-level help is kept verbatim", () => {
    expect(TOP_LEVEL_HELP.startsWith("Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n")).toBe(true);
    expect(TOP_LEVEL_HELP.endsWith("For more help on how to use Docker, head to https://docs.docker.com/go/guides/\n")).toBe(true);
  });
});
