import type { Case } from "../case";

// The host's mount table differs from the simulated one: only the header and errors compare.
export const cases: Case[] = [
  { cmd: "df nosuch" },
  { cmd: "df -h nosuch" },
  { cmd: "df -P nosuch" },
  { cmd: "df -T nosuch" },
  { cmd: "df -m nosuch" },
  { cmd: "df -i nosuch" },
  { cmd: "df -k -T -P nosuch" },
  { cmd: "df -B 4096 nosuch" },
  { cmd: "df -B 1M nosuch" },
  { cmd: "df -Q" },
];
