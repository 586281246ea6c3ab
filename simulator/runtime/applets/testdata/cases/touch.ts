import type { Case } from "../case";

const T = { tree: true };
export const cases: Case[] = [
  { cmd: "touch newfile", ...T },
  { cmd: "touch a.txt", ...T },
  { cmd: "touch -c nosuch", ...T },
  { cmd: "touch -d '2020-01-02 03:04:05' a.txt newf", ...T },
  { cmd: "touch -t 202001020304.05 a.txt", ...T },
  { cmd: "touch -t 01020304 a.txt", ...T },
  { cmd: "touch -d @1600000000 a.txt", ...T },
  { cmd: "touch -d 'Jan 2 10:11:12 2020' a.txt", ...T },
  { cmd: "touch -d '2020-01-02 10:11:12 +0100' a.txt", ...T },
  { cmd: "touch -d garbage a.txt", ...T },
  { cmd: "touch -r recent.txt a.txt", ...T },
  { cmd: "touch -r nosuch a.txt", ...T },
  { cmd: "touch nosuchdir/x", ...T },
  { cmd: "touch", ...T },
  { cmd: "touch broken", ...T },
  { cmd: "touch -h -d '2001-02-03 04:05:06' link", ...T },
  { cmd: "touch -d '2001-02-03 04:05:06' dir", ...T },
];
