import type { Case } from "../case";

const T = { tree: true };
export const cases: Case[] = [
  { cmd: "mkdir new", ...T },
  { cmd: "mkdir new1 new2", ...T },
  { cmd: "mkdir dir", ...T },
  { cmd: "mkdir -p dir/sub", ...T },
  { cmd: "mkdir -p x/y/z", ...T },
  { cmd: "mkdir x/y/z", ...T },
  { cmd: "mkdir -m 700 private", ...T },
  { cmd: "mkdir -m u=rwx,go=rx m2", ...T },
  { cmd: "mkdir -m bogus m3", ...T },
  { cmd: "mkdir -pm 0750 p1/p2", ...T },
  { cmd: "mkdir -p a.txt/b", ...T },
  { cmd: "mkdir", ...T },
  { cmd: "mkdir -v v1", ...T },
  { cmd: "mkdir -p trailing/", ...T },
  { cmd: "mkdir ro.txt", ...T },
];
