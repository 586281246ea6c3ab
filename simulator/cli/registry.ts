/** The docker CLI's commands by the words that name them ("run", "container run", "network ls"). */
import type { Command } from "./command";

export const COMMANDS = new Map<string, Command>();

/** Register a command under its path and every alias path. */
export function registerCommand(cmd: Command): void {
  for (const p of [cmd.path, ...(cmd.aliases ?? [])]) COMMANDS.set(p.replace(/^docker /, ""), cmd);
}

/** Management commands that group subcommands (docker network, docker volume, ...). */
export const GROUPS: Record<string, string> = {
  container: "Manage containers",
  image: "Manage images",
  network: "Manage networks",
  volume: "Manage volumes",
  system: "Manage Docker",
  builder: "Manage builds",
  manifest: "Manage Docker image manifests and manifest lists",
  buildx: "Extended build capabilities with BuildKit",
};
