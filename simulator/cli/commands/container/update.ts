/** docker update: restart policy and resource limits of one or more containers. */
import { containerUpdate, type UpdateRequest } from "../../../daemon/update";
import { checkRef } from "./ref";
import { str, type Command, type Values } from "../../command";
import { errorMessage } from "../../errors";
import { registerCommand } from "../../registry";
import { ClientError, parseRestart } from "./opts-parse";

function request(v: Values, changed: string[]): UpdateRequest {
  const u: UpdateRequest = {};
  if (changed.includes("restart")) u.RestartPolicy = parseRestart(str(v, "restart"));
  if (changed.includes("memory")) u.Memory = Number(v.memory ?? 0);
  if (changed.includes("memory-swap")) u.MemorySwap = Number(v["memory-swap"] ?? 0);
  if (changed.includes("cpus")) u.NanoCpus = Math.round(Number(v.cpus ?? 0) * 1e9);
  if (changed.includes("cpu-shares")) u.CpuShares = Number(v["cpu-shares"] ?? 0);
  if (changed.includes("pids-limit")) u.PidsLimit = Number(v["pids-limit"] ?? 0);
  return u;
}

registerCommand({
  path: "docker update",
  use: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Update configuration of one or more containers",
  aliases: ["docker container update"],
  args: { kind: "min", n: 1 },
  flags: [
    { long: "blkio-weight", type: "uint16", usage: "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)", defaultText: "" },
    { long: "cpu-period", type: "int64", usage: "Limit CPU CFS (Completely Fair Scheduler) period" },
    { long: "cpu-quota", type: "int64", usage: "Limit CPU CFS (Completely Fair Scheduler) quota" },
    { long: "cpu-rt-period", type: "int64", usage: "Limit the CPU real-time period in microseconds" },
    { long: "cpu-rt-runtime", type: "int64", usage: "Limit the CPU real-time runtime in microseconds" },
    { long: "cpu-shares", short: "c", type: "int64", usage: "CPU shares (relative weight)" },
    { long: "cpus", type: "decimal", usage: "Number of CPUs" },
    { long: "cpuset-cpus", type: "string", usage: "CPUs in which to allow execution (0-3, 0,1)" },
    { long: "cpuset-mems", type: "string", usage: "MEMs in which to allow execution (0-3, 0,1)" },
    { long: "memory", short: "m", type: "bytes", usage: "Memory limit" },
    { long: "memory-reservation", type: "bytes", usage: "Memory soft limit" },
    { long: "memory-swap", type: "bytes", usage: "Swap limit equal to memory plus swap: -1 to enable unlimited swap" },
    { long: "pids-limit", type: "int64", usage: "Tune container pids limit (set -1 for unlimited)" },
    { long: "restart", type: "string", usage: "Restart policy to apply when a container exits" },
  ],
  async run(env, v, args, changed) {
    if (changed.length === 0) {
      await env.err("you must provide one or more flags when using this command\n");
      return 1;
    }
    let u: UpdateRequest;
    try {
      u = request(v, changed);
    } catch (e) {
      if (!(e instanceof ClientError)) throw e;
      await env.err(e.message + "\n");
      return 1;
    }
    const failed: string[] = [];
    for (const ref of args) {
      try {
        checkRef(ref);
        containerUpdate(env.daemon, ref, u);
        await env.out(ref + "\n");
      } catch (e) {
        failed.push(errorMessage(e));
      }
    }
    if (failed.length) await env.err(failed.join("\n") + "\n");
    return failed.length ? 1 : 0;
  },
} satisfies Command);
