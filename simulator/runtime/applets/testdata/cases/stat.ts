import type { Case } from "../case";

// device, inode and change time come from the host's filesystem
const M = ["Device: \\w+/\\d+d", "Inode: \\d+ *", "Change: .*"];
export const cases: Case[] = [
  { cmd: "stat a.txt", mask: M },
  { cmd: "stat empty dir link", mask: M },
  { cmd: "stat -L link", mask: M },
  { cmd: "stat broken", mask: M },
  { cmd: "stat -L broken", mask: M },
  { cmd: "stat nosuch a.txt", mask: M },
  { cmd: "stat suid secret sticky", mask: M },
  { cmd: "stat daemon.txt numeric.txt", mask: M },
  { cmd: "stat -c '%n %s %a %A %F %h %u %U %g %G' a.txt dir link empty" },
  { cmd: "stat -c '%y|%Y|%x|%X' a.txt" },
  { cmd: "stat -c '%b %B %o' a.txt big.bin huge.dat dir" },
  { cmd: "stat -c '%N' link a.txt broken" },
  { cmd: "stat -c '[%10s] [%-10s] [%5n] [%-6a] [%010s]' a.txt" },
  { cmd: "stat -c '%f %t %T %Q %% %' a.txt" },
  { cmd: "stat -c %U:%G numeric.txt" },
  { cmd: "stat -Lc '%F %s' link dlink" },
  { cmd: "stat -c '%a' /dev/null" },
  { cmd: "stat -c '%F %t %T %A' /dev/null /dev/zero /dev/urandom" },
  { cmd: "stat" },
  { cmd: "stat -c" },
  { cmd: "stat -t a.txt", mask: ["(?<=81a4 0 0 )[0-9a-f]+ \\d+", "\\d+(?= 4096\\n)"] },
  { cmd: "stat -f -c '%l %s' ." },
  { cmd: "stat -f nosuch" },
];
