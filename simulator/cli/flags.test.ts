import { describe, expect, it } from "vitest";
import { argsErrorText, flagErrorText, parseDuration, parseFlags, unknownCommandText, type FlagDef } from "./flags";

const runFlags: FlagDef[] = [
  { long: "detach", short: "d", type: "bool", usage: "Run container in background and print container ID" },
  { long: "interactive", short: "i", type: "bool", usage: "Keep STDIN open even if not attached" },
  { long: "tty", short: "t", type: "bool", usage: "Allocate a pseudo-TTY" },
  { long: "publish", short: "p", type: "list", usage: "Publish a container's port(s) to the host" },
  { long: "env", short: "e", type: "list", usage: "Set environment variables" },
  { long: "name", type: "string", usage: "Assign a name to the container" },
  { long: "rm", type: "bool", usage: "Automatically remove the container and its associated anonymous volumes when it exits" },
  { long: "memory", short: "m", type: "bytes", usage: "Memory limit" },
  { long: "stop-timeout", type: "int", usage: "Timeout (in seconds) to stop a container" },
  { long: "health-interval", type: "duration", usage: "Time between running the check (ms|s|m|h) (default 0s)" },
  { long: "cpus", type: "decimal", usage: "Number of CPUs" },
  { long: "volume", short: "v", type: "list", usage: "Bind mount a volume" },
  { long: "label", short: "l", type: "list", usage: "Set meta data on a container" },
  { long: "pull", type: "string", default: "missing", usage: 'Pull image before running ("always", "missing", "never")' },
  { long: "blkio-weight", type: "uint16", usage: "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)" },
];
const run = (...argv: string[]) => parseFlags(argv, runFlags, { interspersed: false });
const ok = (r: ReturnType<typeof parseFlags>) => {
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe("parseFlags: forms docker accepts", () => {
  it("combined shorthands with a value: -dp 8080:80", () => {
    const r = ok(run("-dp", "8080:80", "busybox"));
    expect(r.values.detach).toBe(true);
    expect(r.values.publish).toEqual(["8080:80"]);
    expect(r.args).toEqual(["busybox"]);
  });
  it("-it, -eA=1 (value glued to the shorthand, '=' kept in it)", () => {
    const r = ok(run("-it", "-eA=1", "busybox"));
    expect([r.values.interactive, r.values.tty]).toEqual([true, true]);
    expect(r.values.env).toEqual(["A=1"]);
  });
  it("-e=A=1 strips the first '='", () => expect(ok(run("-e=A=1", "x")).values.env).toEqual(["A=1"]));
  it("--name=x and --name x", () => {
    expect(ok(run("--name=web", "busybox")).values.name).toBe("web");
    expect(ok(run("--name", "web", "busybox")).values.name).toBe("web");
    expect(ok(run("--name=", "busybox")).values.name).toBe("");
  });
  it("repeatable flags accumulate: -e A=1 -eB=2 --env C=3", () => {
    expect(ok(run("-e", "A=1", "-eB=2", "--env", "C=3", "busybox")).values.env).toEqual(["A=1", "B=2", "C=3"]);
  });
  it("stops at the first positional argument when not interspersed (docker run/exec)", () => {
    const r = ok(run("-d", "busybox", "ls", "-l", "--name", "x"));
    expect(r.args).toEqual(["busybox", "ls", "-l", "--name", "x"]);
    expect(r.values.name).toBe("");
  });
  it("interspersed (most commands) keeps parsing after positionals", () => {
    const r = ok(parseFlags(["a", "-d", "b"], runFlags));
    expect(r.args).toEqual(["a", "b"]);
    expect(r.values.detach).toBe(true);
  });
  it("`--` ends the flags and records where", () => {
    const r = ok(parseFlags(["-d", "--", "-a", "b"], runFlags));
    expect(r.args).toEqual(["-a", "b"]);
    expect(r.argsLenAtDash).toBe(0);
  });
  it("a lone '-' is an argument", () => expect(ok(parseFlags(["-"], runFlags)).args).toEqual(["-"]));
  it("bool flags take =true/=false (and Go's other spellings)", () => {
    expect(ok(run("--rm=false", "x")).values.rm).toBe(false);
    expect(ok(run("--detach=true", "x")).values.detach).toBe(true);
    expect(ok(run("-d=0", "x")).values.detach).toBe(false);
    expect(ok(run("-it=false", "x")).values).toMatchObject({ interactive: true, tty: false });
    expect(ok(run("--rm=T", "x")).values.rm).toBe(true);
  });
  it("a bool flag never takes the next word as its value", () => {
    expect(ok(run("--rm", "false")).args).toEqual(["false"]);
  });
  it("typed values: bytes, int, duration, decimal, uint16", () => {
    const r = ok(run("-m", "512m", "--stop-timeout", "0x10", "--health-interval", "1m30s", "--cpus", "1.5", "--blkio-weight", "500", "x"));
    expect(r.values).toMatchObject({ memory: 512 * 1024 * 1024, "stop-timeout": 16, "health-interval": 90_000, cpus: 1.5, "blkio-weight": 500 });
  });
  it("defaults and the list of changed flags", () => {
    const r = ok(run("--name", "a", "-d", "x"));
    expect(r.values.pull).toBe("missing");
    expect(r.changed).toEqual(["name", "detach"]);
  });
  it("--help, --help=false and the deprecated -h", () => {
    expect(ok(run("--help")).help).toBe(true);
    expect(ok(run("--help=false", "x")).help).toBe(false);
    const h = ok(run("-h"));
    expect(h.help).toBe(true);
    expect(h.warnings).toEqual(["Flag shorthand -h has been deprecated, use --help"]);
  });
});

describe("parseFlags: pflag's errors (recorded from docker 28.2)", () => {
  it.each([
    [["--foo", "busybox"], "unknown flag: --foo"],
    [["-z", "busybox"], "unknown shorthand flag: 'z' in -z"],
    [["--pull", "never", "-dz", "busybox"], "unknown shorthand flag: 'z' in -z"],
    [["--name"], "flag needs an argument: --name"],
    [["-e"], "flag needs an argument: 'e' in -e"],
    [["-v"], "flag needs an argument: 'v' in -v"],
    [["--rm=maybe", "busybox"], 'invalid argument "maybe" for "--rm" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [["-m", "abc", "busybox"], `invalid argument "abc" for "-m, --memory" flag: invalid size: 'abc'`],
    [["--stop-timeout", "1.5", "busybox"], 'invalid argument "1.5" for "--stop-timeout" flag: strconv.ParseInt: parsing "1.5": invalid syntax'],
    [["--health-interval", "x", "busybox"], 'invalid argument "x" for "--health-interval" flag: time: invalid duration "x"'],
    [["--cpus", "x", "busybox"], 'invalid argument "x" for "--cpus" flag: failed to parse x as a rational number'],
    [["---x"], "bad flag syntax: ---x"],
    [["--=x"], "bad flag syntax: --=x"],
    [["--blkio-weight", "70000", "x"], 'invalid argument "70000" for "--blkio-weight" flag: strconv.ParseUint: parsing "70000": value out of range'],
  ])("%j -> %s", (argv, error) => expect(run(...(argv as string[]))).toEqual({ ok: false, error }));

  it("stop -t x and --timeout=x name the flag as '-t, --timeout'", () => {
    const stop: FlagDef[] = [{ long: "timeout", short: "t", type: "int", usage: "Seconds to wait before killing the container" }];
    const want = 'invalid argument "x" for "-t, --timeout" flag: strconv.ParseInt: parsing "x": invalid syntax';
    expect(parseFlags(["-t", "x", "c"], stop)).toEqual({ ok: false, error: want });
    expect(parseFlags(["--timeout=x", "c"], stop)).toEqual({ ok: false, error: want });
  });
  it("-a=maybe on ps", () => {
    const ps: FlagDef[] = [{ long: "all", short: "a", type: "bool", usage: "Show all containers (default shows just running)" }];
    expect(parseFlags(["-a=maybe"], ps)).toEqual({
      ok: false,
      error: 'invalid argument "maybe" for "-a, --all" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    });
  });
});

describe("parseDuration (time.ParseDuration)", () => {
  it.each([
    ["1h2m3s", 3723000],
    ["1.5s", 1500],
    ["300ms", 300],
    ["-2m", -120000],
    ["0", 0],
  ])("%s", (s, ms) => expect(parseDuration(s)).toEqual({ ok: true, ms }));
  it.each([
    ["5", 'time: missing unit in duration "5"'],
    ["5x", 'time: unknown unit "x" in duration "5x"'],
    ["", 'time: invalid duration ""'],
  ])("%j fails", (s, error) => expect(parseDuration(s)).toEqual({ ok: false, error }));
});

describe("what docker prints around errors (recorded)", () => {
  const runCmd = { path: "docker run", use: "[OPTIONS] IMAGE [COMMAND] [ARG...]" };
  it("flag errors: exit 125 with Usage and Run '... --help'", () => {
    expect(flagErrorText(runCmd, "unknown flag: --foo")).toEqual({
      stderr: "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
    expect(flagErrorText({ path: "docker", use: "[OPTIONS] COMMAND [ARG...]" }, "flag needs an argument: 'H' in -H").stderr).toBe(
      "flag needs an argument: 'H' in -H\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n",
    );
  });
  it("docker run with no image: requires at least 1 argument, exit 1, 'See'", () => {
    expect(argsErrorText(runCmd, { kind: "min", n: 1 }, 0)).toEqual({
      stderr: "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
      exitCode: 1,
    });
  });
  it.each([
    [{ path: "docker rm", use: "[OPTIONS] CONTAINER [CONTAINER...]" }, { kind: "min", n: 1 }, 0, "docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information\n"],
    [{ path: "docker exec", use: "[OPTIONS] CONTAINER COMMAND [ARG...]" }, { kind: "min", n: 2 }, 1, "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n"],
    [{ path: "docker ps", use: "[OPTIONS]" }, { kind: "none" }, 1, "docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n"],
    [{ path: "docker images", use: "[OPTIONS] [REPOSITORY[:TAG]]" }, { kind: "max", n: 1 }, 2, "docker: 'docker images' requires at most 1 argument\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nSRun 'docker images --help' for more information\n"],
    [{ path: "docker logs", use: "[OPTIONS] CONTAINER" }, { kind: "exact", n: 1 }, 0, "docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n"],
    [{ path: "docker tag", use: "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]" }, { kind: "exact", n: 2 }, 1, "docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n"],
    [{ path: "docker volume ls", use: "[OPTIONS]" }, { kind: "none" }, 1, "docker: 'docker volume ls' accepts no arguments\n\nUsage:  docker volume ls [OPTIONS]\n\nRun 'docker volume ls --help' for more information\n"],
  ] as const)("%j %j", (cmd, rule, n, stderr) => {
    expect(argsErrorText(cmd, rule, n)).toEqual({ stderr, exitCode: 1 });
  });
  it("unknown subcommand of a group", () => {
    expect(argsErrorText({ path: "docker network", use: "", hasSubCommands: true }, { kind: "none" }, 1, "foo")?.stderr).toBe(
      "docker: unknown command: docker network foo\n\nUsage:  docker network\n\nRun 'docker network --help' for more information\n",
    );
  });
  it("args that fit give no error", () => {
    expect(argsErrorText(runCmd, { kind: "min", n: 1 }, 1)).toBeNull();
    expect(argsErrorText({ path: "docker ps", use: "[OPTIONS]" }, { kind: "none" }, 0)).toBeNull();
  });
  it("unknown top-level command", () => {
    expect(unknownCommandText("foo")).toEqual({ stderr: "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n", exitCode: 1 });
  });
});
