import type { Case } from "../case";

export const cases: Case[] = [
  { cmd: "echo hello world" },
  { cmd: "echo" },
  { cmd: "echo -n no newline" },
  { cmd: "echo -e 'a\\tb\\nc'" },
  { cmd: "echo 'a\\tb'" },
  { cmd: "echo -E 'a\\tb'" },
  { cmd: "echo -e -E 'a\\tb'" },
  { cmd: "echo -ne 'x\\0101y'" },
  { cmd: "echo -e 'stop\\cnot shown' more" },
  { cmd: "echo -e '\\x41\\x4a\\x'" },
  { cmd: "echo -e '\\e[1m' | cat -v" },
  { cmd: "echo -x -n" },
  { cmd: "echo -- -n" },
  { cmd: "echo -nn x" },
  { cmd: "echo -en 'a\\\\b'" },
  { cmd: "echo --help" },
  { cmd: "echo -e '\\101\\1012'" },
  { cmd: "echo '' ''" },
];
