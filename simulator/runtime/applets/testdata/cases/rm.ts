import type { Case } from "../case";

const T = { tree: true };
export const cases: Case[] = [
  { cmd: "rm a.txt", ...T },
  { cmd: "rm a.txt b.txt link", ...T },
  { cmd: "rm nosuch", ...T },
  { cmd: "rm -f nosuch", ...T },
  { cmd: "rm -f", ...T },
  { cmd: "rm", ...T },
  { cmd: "rm dir", ...T },
  { cmd: "rm -r dir", ...T },
  { cmd: "rm -rf dir emptydir nosuch", ...T },
  { cmd: "rm -R dlink", ...T },
  { cmd: "rm -r dlink/", ...T },
  { cmd: "rm -r .", ...T },
  { cmd: "rm -rf ..", cwd: "dir", ...T },
  { cmd: "rm -v a.txt", ...T },
  { cmd: "rm -rv dir/sub", sort: true, ...T },
  { cmd: "rm broken hard", ...T },
  { cmd: "rm -i a.txt b.txt", stdin: "y\nn\n", ...T },
  { cmd: "rm -ri x", setup: [{ p: "x", t: "d" }, { p: "x/f", c: "1" }], stdin: "y\ny\ny\n", ...T },
  { cmd: "rm -ri x", setup: [{ p: "x", t: "d" }, { p: "x/f", c: "1" }], stdin: "y\nn\ny\n", ...T },
];
