import type { Case } from "../case";

const T = { tree: true };
export const cases: Case[] = [
  { cmd: "mv a.txt moved.txt", ...T },
  { cmd: "mv a.txt dir", ...T },
  { cmd: "mv a.txt b.txt dir", ...T },
  { cmd: "mv a.txt b.txt", ...T },
  { cmd: "mv nosuch x", ...T },
  { cmd: "mv dir newdir", ...T },
  { cmd: "mv dir emptydir", ...T },
  { cmd: "mv emptydir dir", ...T },
  { cmd: "mv a.txt", ...T },
  { cmd: "mv dir dir/sub", ...T },
  { cmd: "mv a.txt emptydir/", ...T },
  { cmd: "mv a.txt nosuchdir/x", ...T },
  { cmd: "mv -n a.txt b.txt", ...T },
  { cmd: "mv -v a.txt c.txt", ...T },
  { cmd: "mv -T emptydir dir", ...T },
  { cmd: "mv -T a.txt emptydir", ...T },
  { cmd: "mv -t dir a.txt b.txt", ...T },
  { cmd: "mv link dir", ...T },
  { cmd: "mv a.txt dir/sub", ...T },
  { cmd: "mv dir/one.txt .", ...T },
  { cmd: "mv a.txt ./a.txt", ...T },
  { cmd: "mv a.txt hard", ...T },
  { cmd: "mv emptydir a.txt", ...T },
  { cmd: "mv a.txt emptydir/a.txt/", ...T },
];
