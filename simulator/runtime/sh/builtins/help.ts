/** help (builtins in ash's table order, then the applets), history, fg, bg. */
import { APPLETS } from "../../busybox";
import type { Shell } from "../shell";
import { waitForeground } from "../spawn";
import { findJob } from "./jobs";
import { def } from "./table";

/** ash's builtin table, in its order (help prints it as is). */
const ASH_TABLE = [
  ".", ":", "[", "[[", "alias", "bg", "break", "cd", "chdir", "command", "continue", "echo", "eval", "exec", "exit", "export", "false", "fg",
  "getopts", "hash", "help", "history", "jobs", "kill", "let", "local", "printf", "pwd", "read", "readonly", "return", "set", "shift", "source",
  "test", "times", "trap", "true", "type", "ulimit", "umask", "unalias", "unset", "wait",
];

def("help", async (sh) => {
  let out = "Built-in commands:\n------------------\n";
  let col = 0;
  for (const name of [...ASH_TABLE, ...[...APPLETS.keys()].sort()]) {
    const piece = (col === 0 ? "\t" : " ") + name;
    out += piece;
    col += piece.length;
    if (col > 60) {
      out += "\n";
      col = 0;
    }
  }
  await sh.out(out + "\n");
  return 0;
});

def("history", async () => 0);

async function fgbg(sh: Shell, argv: string[]): Promise<number> {
  const spec = argv[1] ?? "%%";
  const job = findJob(sh, spec);
  if (!job) return sh.raise(`${spec}: no such job`);
  if (!sh.interactive) return sh.raise("job (null) not created under job control");
  if (argv[0] === "bg") return 0;
  return waitForeground(sh, job.procs);
}

def(["fg", "bg"], fgbg);
