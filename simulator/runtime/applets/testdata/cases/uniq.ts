import type { Case } from "../case";

export const cases: Case[] = [
  { cmd: "uniq dups.txt" },
  { cmd: "uniq -c dups.txt" },
  { cmd: "uniq -d dups.txt" },
  { cmd: "uniq -u dups.txt" },
  { cmd: "uniq -i dups.txt" },
  { cmd: "uniq -ic dups.txt" },
  { cmd: "uniq", stdin: "x\nx\ny\n" },
  { cmd: "uniq -f 1", stdin: "a same\nb same\nc other\n" },
  { cmd: "uniq -s 2", stdin: "aXsame\nbYsame\ncZother\n" },
  { cmd: "uniq -w 1", stdin: "apple\navocado\nbanana\n" },
  { cmd: "uniq -cd dups.txt" },
  { cmd: "uniq nosuch" },
  { cmd: "uniq dups.txt out.txt", tree: true },
  { cmd: "uniq a b c" },
  { cmd: "uniq -c", stdin: "a\na" },
  { cmd: "uniq empty" },
  { cmd: "uniq -f x dups.txt" },
  { cmd: "uniq - ", stdin: "q\nq\n" },
];
