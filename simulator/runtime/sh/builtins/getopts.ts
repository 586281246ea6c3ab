/** getopts (ash's: OPTIND/OPTARG, option clusters, a leading ':' for silent errors, OPTERR=0). */
import type { Shell } from "../shell";
import { def } from "./table";

async function getopts(sh: Shell, optstr: string, optvar: string, args: string[]): Promise<number> {
  let c = "?";
  let done = 0;
  const ind = sh.optind;
  const off = sh.optoff;
  let next = ind - 1; // index into args of the next word
  let word: string | null = null; // the word being scanned
  let p = -1; // position in word
  if (!(ind <= 1 || off < 0 || (args[next - 1] ?? "").length < off)) {
    word = args[next - 1];
    p = off;
  }
  const silent = (sh.vars.get("OPTERR") === "0") || optstr.startsWith(":");
  out: {
    if (word === null || p >= word.length) {
      const w = args[next];
      if (w === undefined || w[0] !== "-" || w.length === 1) {
        sh.vars.unset("OPTARG");
        word = null;
        done = 1;
        break out;
      }
      next++;
      if (w === "--") {
        sh.vars.unset("OPTARG");
        word = null;
        done = 1;
        break out;
      }
      word = w;
      p = 1;
    }
    c = word[p++];
    let q = 0;
    for (;;) {
      if (q >= optstr.length) {
        if (silent) await sh.setVar("OPTARG", c);
        else {
          await sh.err(`Illegal option -${c}\n`);
          sh.vars.unset("OPTARG");
        }
        c = "?";
        break out;
      }
      if (optstr[q] === c) break;
      q++;
      if (optstr[q] === ":") q++;
    }
    if (optstr[q + 1] === ":") {
      if (p >= word.length) {
        if (args[next] === undefined) {
          if (silent) {
            await sh.setVar("OPTARG", c);
            c = ":";
          } else {
            await sh.err(`No arg for -${c} option\n`);
            sh.vars.unset("OPTARG");
            c = "?";
          }
          break out;
        }
        word = args[next++];
        p = 0;
      }
      await sh.setVar("OPTARG", word.slice(p));
      word = null;
    } else await sh.setVar("OPTARG", "");
  }
  const newInd = next + 1;
  sh.inGetopts = true;
  try {
    await sh.setVar("OPTIND", String(newInd));
  } finally {
    sh.inGetopts = false;
  }
  await sh.setVar(optvar, c);
  sh.optoff = word !== null ? p : -1;
  sh.optind = newInd;
  return done;
}

def("getopts", async (sh, argv) => {
  if (argv.length < 3) return sh.raise("usage: getopts optstring var [arg]");
  let args: string[];
  if (argv.length === 3) {
    args = sh.params;
    if (sh.optind > args.length + 1) {
      sh.optind = 1;
      sh.optoff = -1;
    }
  } else {
    args = argv.slice(3);
    if (sh.optind > argv.length - 2) {
      sh.optind = 1;
      sh.optoff = -1;
    }
  }
  return getopts(sh, argv[1], argv[2], args);
});
