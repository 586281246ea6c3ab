import type { Case } from "../case";

const T = { tree: true };
export const cases: Case[] = [
  { cmd: "ln -s a.txt s1", ...T },
  { cmd: "ln a.txt h1", ...T },
  { cmd: "ln a.txt b.txt", ...T },
  { cmd: "ln -f a.txt b.txt", ...T },
  { cmd: "ln -s a.txt dir", ...T },
  { cmd: "ln -s /etc/passwd", ...T },
  { cmd: "ln -sf b.txt link", ...T },
  { cmd: "ln -sf a.txt dlink", ...T },
  { cmd: "ln -sfn a.txt dlink", ...T },
  { cmd: "ln nosuch x", ...T },
  { cmd: "ln -s nosuch x", ...T },
  { cmd: "ln dir hd", ...T },
  { cmd: "ln broken hb", ...T },
  { cmd: "ln -sv a.txt s2", ...T },
  { cmd: "ln -sb b.txt a.txt", ...T },
  { cmd: "ln -s a.txt b.txt emptydir", ...T },
  { cmd: "ln", ...T },
  { cmd: "ln -T a.txt b.txt c.txt", ...T },
  { cmd: "ln -T a.txt emptydir", ...T },
];
