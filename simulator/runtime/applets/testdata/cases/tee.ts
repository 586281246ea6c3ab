import type { Case } from "../case";

const T = { tree: true };
export const cases: Case[] = [
  { cmd: "tee out.txt", stdin: "hello\n", ...T },
  { cmd: "tee -a a.txt", stdin: "more\n", ...T },
  { cmd: "tee a.txt b.txt", stdin: "x\n", ...T },
  { cmd: "tee", stdin: "just stdout\n", ...T },
  { cmd: "tee nosuchdir/x out.txt", stdin: "y\n", ...T },
  { cmd: "tee - out.txt", stdin: "twice\n", ...T },
  { cmd: "tee dir", stdin: "z\n", ...T },
  { cmd: "tee -i out.txt", stdin: "i\n", ...T },
  { cmd: "tee -x", ...T },
];
