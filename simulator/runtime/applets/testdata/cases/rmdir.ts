import type { Case } from "../case";

const T = { tree: true };
export const cases: Case[] = [
  { cmd: "rmdir emptydir", ...T },
  { cmd: "rmdir dir", ...T },
  { cmd: "rmdir nosuch", ...T },
  { cmd: "rmdir a.txt", ...T },
  { cmd: "rmdir -p x/y/z", setup: [{ p: "x", t: "d" }, { p: "x/y", t: "d" }, { p: "x/y/z", t: "d" }], ...T },
  { cmd: "rmdir -p dir/sub", ...T },
  { cmd: "rmdir --ignore-fail-on-non-empty dir", ...T },
  { cmd: "rmdir", ...T },
];
