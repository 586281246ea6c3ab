/** Tab completion: commands, docker subcommands and flags, object names, and paths. */
import type { Daemon } from "../daemon/daemon";
import type { Vfs } from "../runtime/vfs";
import { COMMANDS } from "../cli/registry";
import { familiar } from "../daemon/images/lookup";

const BUILTINS = ["cd", "echo", "exit", "export", "printf", "pwd", "read", "set", "test", "type", "unset", "wait"];

function paths(vfs: Vfs, word: string): string[] {
  const slash = word.lastIndexOf("/");
  const dir = slash < 0 ? "." : word.slice(0, slash + 1) || "/";
  const base = word.slice(slash + 1);
  try {
    return vfs
      .readdir(dir)
      .filter((n) => n.startsWith(base) && (base.startsWith(".") || !n.startsWith(".")))
      .sort()
      .map((n) => {
        const full = (slash < 0 ? "" : word.slice(0, slash + 1)) + n;
        try {
          return vfs.stat(full).type === "dir" ? full + "/" : full;
        } catch {
          return full;
        }
      });
  } catch {
    return [];
  }
}

function objectNames(d: Daemon, sub: string): string[] {
  const containers = [...d.containers.values()].map((c) => c.name);
  const images = [...d.images.tags.keys()].map(familiar);
  const volumes = [...d.volumes.volumes.keys()];
  const networks = [...d.networks.networks.values()].map((n) => n.Name);
  if (/^(run|create|rmi|history|tag|save|push|pull|image)/.test(sub)) return images;
  if (sub.startsWith("volume")) return volumes;
  if (sub.startsWith("network")) return [...networks, ...containers];
  if (sub === "inspect") return [...containers, ...images, ...volumes, ...networks];
  return containers;
}

export function completeLine(line: string, cursor: number, vfs: Vfs, daemon: Daemon): { start: number; candidates: string[] } {
  const before = line.slice(0, cursor);
  const start = before.search(/\S*$/);
  const word = before.slice(start);
  const words = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || /[;&|]$/.test(words[words.length - 1] ?? "")) {
    if (word.includes("/")) return { start, candidates: paths(vfs, word) };
    const cmds = new Set(BUILTINS);
    for (const dir of ["/bin", "/usr/bin", "/usr/local/bin", "/sbin", "/usr/sbin"]) {
      try {
        for (const n of vfs.readdir(dir)) cmds.add(n);
      } catch {
        /* missing */
      }
    }
    return { start, candidates: [...cmds].filter((c) => c.startsWith(word)).sort() };
  }
  if (words[0] === "docker") {
    const rest = words.slice(1).filter((w) => !w.startsWith("-"));
    if (rest.length === 0 && !word.startsWith("-")) {
      const top = new Set([...COMMANDS.keys()].map((k) => k.split(" ")[0]));
      return { start, candidates: [...top].filter((c) => c.startsWith(word)).sort() };
    }
    const key = COMMANDS.has(`${rest[0]} ${rest[1]}`) ? `${rest[0]} ${rest[1]}` : rest[0];
    if (rest.length === 1 && !COMMANDS.has(rest[0]) && !word.startsWith("-")) {
      const subs = [...COMMANDS.keys()].filter((k) => k.startsWith(rest[0] + " ")).map((k) => k.split(" ")[1]);
      return { start, candidates: subs.filter((c) => c.startsWith(word)).sort() };
    }
    const cmd = COMMANDS.get(key);
    if (word.startsWith("-") && cmd) {
      return { start, candidates: cmd.flags.filter((f) => !f.hidden).map((f) => "--" + f.long).filter((f) => f.startsWith(word)).sort() };
    }
    if (word.includes("/") || word.startsWith(".")) return { start, candidates: paths(vfs, word) };
    return { start, candidates: [...new Set(objectNames(daemon, key))].filter((n) => n.startsWith(word)).sort() };
  }
  return { start, candidates: paths(vfs, word) };
}
