/** The interactive shell: banner, prompts (PS1 escapes, PS2), the terminal's prompt hook, errors that do not end it, ^D, SIGINT. */
import { describe, expect, it } from "vitest";
import "./index";
import { Machine } from "../machine";
import { SIGNALS } from "../signals";
import type { Readable, Writable } from "../streams";
import { registerApplet } from "../busybox";
import { shMain } from "./main";

registerApplet({
  name: "quick",
  async run(ctx) {
    await ctx.sleep(10);
    return 0;
  },
});

registerApplet({
  name: "napper",
  async run(ctx) {
    await ctx.sleep(60_000);
    return 0;
  },
});

/** A terminal: lines typed in, everything written collected, prompt() calls recorded. */
class FakeTty {
  out = "";
  prompts: number[] = [];
  private lines: string[] = [];
  private waiter: (() => void) | null = null;
  private closed = false;
  readonly reader: Readable & { prompt(status: number): void };
  readonly writer: Writable;
  constructor() {
    const self = this;
    this.reader = {
      isTTY: true,
      async read() {
        while (self.lines.length === 0 && !self.closed) await new Promise<void>((r) => (self.waiter = r));
        const l = self.lines.shift();
        return l === undefined ? null : new TextEncoder().encode(l);
      },
      unshift(d) {
        self.lines.unshift(new TextDecoder().decode(d));
      },
      close() {},
      dup() {
        return self.reader;
      },
      prompt(status: number) {
        self.prompts.push(status);
      },
    };
    this.writer = {
      isTTY: true,
      async write(d) {
        self.out += typeof d === "string" ? d : new TextDecoder().decode(d);
      },
      close() {},
      dup() {
        return self.writer;
      },
    };
  }
  type(line: string): void {
    this.lines.push(line);
    this.waiter?.();
  }
  hangup(): void {
    this.closed = true;
    this.waiter?.();
  }
}

async function session(lines: string[], opts: { env?: Record<string, string>; cwd?: string; argv0?: string; files?: Record<string, string>; during?: (m: Machine, pid: number) => void } = {}) {
  const m = new Machine();
  m.linkApplets();
  m.rootfs.writeFile(["etc", "passwd"], new TextEncoder().encode("root:x:0:0:root:/root:/bin/sh\n"), { mode: 0o644 });
  for (const [path, content] of Object.entries(opts.files ?? {})) m.rootfs.writeFile(path.split("/").filter(Boolean), new TextEncoder().encode(content), { mode: 0o644 });
  const tty = new FakeTty();
  const p = m.spawn({ argv: ["init"], program: async () => 0, stdout: tty.writer, stderr: tty.writer });
  void p;
  const sh = m.spawn({ argv: [opts.argv0 ?? "sh"], program: shMain, env: opts.env ?? { PATH: "/bin", HOME: "/root" }, cwd: opts.cwd ?? "/", stdin: tty.reader, stdout: tty.writer, stderr: tty.writer });
  for (const l of lines) tty.type(l);
  if (opts.during) opts.during(m, sh.pid);
  tty.hangup();
  const exit = await m.sched.runUntil(sh.exited);
  return { exit, out: tty.out, prompts: tty.prompts };
}

const BANNER = "\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\nEnter 'help' for a list of built-in commands.\n\n";

describe("interactive sh", () => {
  it("prints the banner and BusyBox's default prompt, runs commands, and exits with `exit`", async () => {
    const r = await session(["echo hi\n", "cd /tmp\n", "exit 3\n"]);
    expect(r.out).toBe(BANNER + "/ # hi\n/ # /tmp # ");
    expect(r.exit).toBe(3);
  });

  it("asks for continuation lines with PS2", async () => {
    const r = await session(["if true\n", "then echo ok\n", "fi\n", "exit\n"]);
    expect(r.out).toBe(BANNER + "/ # > > ok\n/ # ");
  });

  it("calls the terminal's prompt hook with the last status before each command line", async () => {
    const r = await session(["false\n", "true\n", "(exit 7)\n", "exit\n"]);
    expect(r.prompts).toEqual([0, 1, 0, 7]);
  });

  it("keeps running after syntax and expansion errors", async () => {
    const r = await session(["fi\n", "echo ${nope?}\n", "echo still here\n", "exit\n"]);
    expect(r.out).toBe(BANNER + '/ # sh: syntax error: unexpected "fi"\n/ # sh: nope: parameter not set\n/ # still here\n/ # ');
    expect(r.exit).toBe(0);
  });

  it("ends at end of input with a newline and the last status", async () => {
    const r = await session(["false\n"]);
    expect(r.out).toBe(BANNER + "/ # / # \n");
    expect(r.exit).toBe(1);
  });

  it("expands PS1 escapes and parameters", async () => {
    const r = await session(["PS1='[\\u@\\h \\W]\\$ '\n", "cd /usr/bin\n", "PS1='$PWD> '\n", "exit\n"]);
    expect(r.out).toBe(BANNER + "/ # [root@layerlab ]# [root@layerlab bin]# /usr/bin> ");
  });

  it("shows ~ for $HOME in \\w", async () => {
    const r = await session(["exit\n"], { cwd: "/root" });
    expect(r.out).toBe(BANNER + "~ # ");
  });

  it("ignores SIGINT itself; a foreground job dying of it abandons the line", async () => {
    const r = await session(["napper; echo not run\n", "echo status $?\n", "exit\n"], {
      during: (m, pid) => {
        m.sched.at(1000, () => {
          for (const p of m.kernel.list()) if (p.pid === pid || p.parent?.pid === pid) m.kernel.signal(p, SIGNALS.INT);
        });
      },
    });
    expect(r.out).toBe(BANNER + "/ # \n/ # status 130\n/ # ");
    expect(r.exit).toBe(0);
  });

  it("lists jobs with their command text and reports finished ones before the prompt", async () => {
    const r = await session(["napper | napper &\n", "quick &\n", "jobs\n", "napper\n", "exit\n"]);
    expect(r.out).toBe(
      BANNER +
        "/ # / # / # [1]-  Running                    napper | napper\n[2]+  Running                    quick\n" +
        "/ # [1]-  Done                       napper | napper\n[2]+  Done                       quick\n/ # ",
    );
  });

  it("reads $ENV when interactive, and /etc/profile then ~/.profile as a login shell", async () => {
    const files = { "/etc/profile": "echo etc-profile\n", "/root/.profile": "echo home-profile\n", "/root/.shrc": "alias hi='echo hello'\n" };
    const r = await session(["hi\n", "exit\n"], { argv0: "-sh", files, env: { PATH: "/bin", HOME: "/root", ENV: "$HOME/.shrc" } });
    expect(r.out).toBe(BANNER + "etc-profile\nhome-profile\n/ # hello\n/ # ");
  });
});
