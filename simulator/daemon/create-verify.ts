/** The checks the daemon makes on a create request before making anything (moby's verifyContainerSettings). */
import type { ContainerConfig } from "../api/types";
import { parseSignal } from "../runtime/signals";
import type { HostConfig, RestartPolicy } from "./container/container";
import { invalidParameter } from "./errdefs";
import { HOST_CPUS } from "../runtime/applets/lib/sys-host";

/** validateRestartPolicy: the policy names the engine knows, and where a retry count is allowed. */
export function validateRestartPolicy(p: RestartPolicy): void {
  switch (p.Name) {
    case "always":
    case "unless-stopped":
    case "no":
      if (p.MaximumRetryCount !== 0) throw invalidParameter(`maximum retry count cannot be used with restart policy '${p.Name}'`);
      return;
    case "on-failure":
      if (p.MaximumRetryCount < 0) throw invalidParameter("maximum retry count cannot be negative");
      return;
    case "":
      return;
    default:
      throw invalidParameter(`invalid restart policy '${p.Name}'`);
  }
}

const validPort = (s: string) => /^\d+(-\d+)?$/.test(s) && s.split("-").every((x) => Number(x) <= 65535);

/** Log drivers a stock engine has, and the options the two file drivers accept. */
export const LOG_DRIVERS = ["json-file", "local", "journald", "syslog", "gelf", "fluentd", "awslogs", "splunk", "etwlogs", "gcplogs", "logentries", "none"];
const FILE_LOG_OPTS: Record<string, string[]> = {
  "json-file": ["max-size", "max-file", "compress", "labels", "labels-regex", "env", "env-regex", "tag", "mode", "max-buffer-size"],
  local: ["max-size", "max-file", "compress", "mode", "max-buffer-size"],
};

function verifyLogConfig(type: string, opts: Record<string, string>): void {
  const driver = type || "json-file";
  if (!LOG_DRIVERS.includes(driver)) throw invalidParameter(`error looking up logging plugin ${driver}: plugin "${driver}" not found`);
  const known = FILE_LOG_OPTS[driver];
  if (known) for (const k of Object.keys(opts)) if (!known.includes(k)) throw invalidParameter(`unknown log opt '${k}' for ${driver} log driver`);
}

export function verifyContainerSettings(config: Partial<ContainerConfig>, hc: Partial<HostConfig>): void {
  const log = hc.extra?.LogConfig;
  if (log) verifyLogConfig(log.Type, log.Config);
  const wd = config.WorkingDir ?? "";
  if (wd !== "" && !wd.startsWith("/")) throw invalidParameter(`the working directory '${wd}' is invalid, it needs to be an absolute path`);
  if (config.StopSignal && parseSignal(config.StopSignal) === null) throw invalidParameter(`Invalid signal: ${config.StopSignal}`);
  for (const [port, bindings] of Object.entries(hc.PortBindings ?? {})) {
    const p = port.split("/")[0];
    if (!validPort(p)) throw invalidParameter(`invalid port specification: ${JSON.stringify(p)}`);
    for (const b of bindings) if (b.HostPort !== "" && !validPort(b.HostPort)) throw invalidParameter(`invalid port specification: ${JSON.stringify(b.HostPort)}`);
  }
  if (hc.RestartPolicy) validateRestartPolicy(hc.RestartPolicy);
  if (hc.AutoRemove && hc.RestartPolicy && hc.RestartPolicy.Name !== "no" && hc.RestartPolicy.Name !== "") {
    throw invalidParameter("can't create 'AutoRemove' container with restart policy");
  }
  if (hc.Memory && hc.Memory > 0 && hc.Memory < 6 * 1024 * 1024) throw invalidParameter("Minimum memory limit allowed is 6MB");
  const nanoCpus = hc.NanoCpus ?? 0;
  // --cpus is a shorthand for a CFS quota over a period: it cannot be combined with either
  if (nanoCpus > 0 && (hc.extra?.CpuPeriod ?? 0) > 0) throw invalidParameter("Conflicting options: Nano CPUs and CPU Period cannot both be set");
  if (nanoCpus > 0 && (hc.extra?.CpuQuota ?? 0) > 0) throw invalidParameter("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
  if (nanoCpus < 0 || nanoCpus > HOST_CPUS * 1e9) throw invalidParameter(`Range of CPUs is from 0.01 to ${HOST_CPUS}.00, as there are only ${HOST_CPUS} CPUs available`);
  if (hc.Memory && hc.MemorySwap && hc.MemorySwap > 0 && hc.MemorySwap < hc.Memory) {
    throw invalidParameter("Minimum memoryswap limit should be larger than memory limit, see usage");
  }
}
