import type { Case } from "../case";

const LINES = Array.from({ length: 25 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
export const cases: Case[] = [
  { cmd: "head b.txt" },
  { cmd: "head", stdin: LINES },
  { cmd: "head -n 3 b.txt" },
  { cmd: "head -3 b.txt" },
  { cmd: "head -n3 b.txt words.txt" },
  { cmd: "head -n -5 b.txt" },
  { cmd: "head -n -100 b.txt" },
  { cmd: "head -c 10 b.txt" },
  { cmd: "head -c -10 b.txt" },
  { cmd: "head -c 1k big.bin" },
  { cmd: "head -n 2 nonl.txt" },
  { cmd: "head -n 5 nonl.txt" },
  { cmd: "head -n -1 nonl.txt" },
  { cmd: "head -q a.txt b.txt" },
  { cmd: "head -v a.txt" },
  { cmd: "head -v", stdin: "x\n" },
  { cmd: "head a.txt - b.txt", stdin: "from stdin\n" },
  { cmd: "head nosuch a.txt" },
  { cmd: "head -n x a.txt" },
  { cmd: "head -n" },
  { cmd: "head -n 0 a.txt" },
  { cmd: "head dir" },
  { cmd: "head -z" },
  { cmd: "head empty a.txt" },
];
