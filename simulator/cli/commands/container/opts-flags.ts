/** The flag table of `docker run` and `docker create` (docker/cli's container opts), as Docker 28 lists it. */
import type { FlagDef } from "../../flags";
import { parseMount } from "./opts-parse";

/** --mount is checked as the flag is set (pflag's "invalid argument ... for \"--mount\" flag"). */
const mountValidate = (x: string) => {
  try {
    parseMount(x);
    return { ok: true as const };
  } catch (e) {
    return { ok: false as const, error: (e as Error).message };
  }
};

const envValidate = (x: string) => (x === "" || x.startsWith("=") ? { ok: false as const, error: `invalid environment variable: ${x}` } : { ok: true as const });
const ulimitValidate = (x: string) => {
  const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(x);
  if (!m) return { ok: false as const, error: x.includes("=") ? `invalid ulimit argument: ${x}` : `invalid ulimit argument: ${x}` };
  return { ok: true as const };
};

const SYSCTLS = ["kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced"];
/** opts.ValidateSysctl: namespaced sysctls only. */
const sysctlValidate = (x: string) => {
  const key = x.split("=")[0];
  const ok = x.includes("=") && (SYSCTLS.includes(key) || key.startsWith("net.") || key.startsWith("fs.mqueue."));
  return ok ? { ok: true as const } : { ok: false as const, error: `sysctl '${x}' is not allowed` };
};

const CGROUPNS_USAGE =
  "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n" +
  "'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n" +
  "           default-cgroupns-mode option on the daemon (default)";

/** Flags both commands take; `pullUsage` differs between them. */
export function containerFlags(pullUsage: string): FlagDef[] {
  return [
    { long: "add-host", type: "list", usage: "Add a custom host-to-IP mapping (host:ip)" },
    { long: "attach", short: "a", type: "list", usage: "Attach to STDIN, STDOUT or STDERR" },
    { long: "blkio-weight", type: "uint16", usage: "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)" },
    { long: "blkio-weight-device", type: "list", usage: "Block IO weight (relative device weight)", defaultText: "[]" },
    { long: "cap-add", type: "list", usage: "Add Linux capabilities" },
    { long: "cap-drop", type: "list", usage: "Drop Linux capabilities" },
    { long: "cgroup-parent", type: "string", usage: "Optional parent cgroup for the container" },
    { long: "cgroupns", type: "string", usage: CGROUPNS_USAGE },
    { long: "cidfile", type: "string", usage: "Write the container ID to the file" },
    { long: "cpu-period", type: "int64", usage: "Limit CPU CFS (Completely Fair Scheduler) period" },
    { long: "cpu-quota", type: "int64", usage: "Limit CPU CFS (Completely Fair Scheduler) quota" },
    { long: "cpu-rt-period", type: "int64", usage: "Limit CPU real-time period in microseconds" },
    { long: "cpu-rt-runtime", type: "int64", usage: "Limit CPU real-time runtime in microseconds" },
    { long: "cpu-shares", short: "c", type: "int64", usage: "CPU shares (relative weight)" },
    { long: "cpus", type: "decimal", usage: "Number of CPUs" },
    { long: "cpuset-cpus", type: "string", usage: "CPUs in which to allow execution (0-3, 0,1)" },
    { long: "cpuset-mems", type: "string", usage: "MEMs in which to allow execution (0-3, 0,1)" },
    { long: "device", type: "list", usage: "Add a host device to the container" },
    { long: "device-cgroup-rule", type: "list", usage: "Add a rule to the cgroup allowed devices list" },
    { long: "device-read-bps", type: "list", usage: "Limit read rate (bytes per second) from a device", defaultText: "[]" },
    { long: "device-read-iops", type: "list", usage: "Limit read rate (IO per second) from a device", defaultText: "[]" },
    { long: "device-write-bps", type: "list", usage: "Limit write rate (bytes per second) to a device", defaultText: "[]" },
    { long: "device-write-iops", type: "list", usage: "Limit write rate (IO per second) to a device", defaultText: "[]" },
    { long: "disable-content-trust", type: "bool", default: true, usage: "Skip image verification" },
    { long: "dns", type: "list", usage: "Set custom DNS servers" },
    { long: "dns-option", type: "list", usage: "Set DNS options" },
    { long: "dns-search", type: "list", usage: "Set custom DNS search domains" },
    { long: "domainname", type: "string", usage: "Container NIS domain name" },
    { long: "entrypoint", type: "string", usage: "Overwrite the default ENTRYPOINT of the image" },
    { long: "env", short: "e", type: "list", usage: "Set environment variables", validate: envValidate },
    { long: "env-file", type: "list", usage: "Read in a file of environment variables" },
    { long: "expose", type: "list", usage: "Expose a port or a range of ports" },
    { long: "gpus", type: "string", typeName: "gpu-request", usage: "GPU devices to add to the container ('all' to pass all GPUs)" },
    { long: "group-add", type: "list", usage: "Add additional groups to join" },
    { long: "health-cmd", type: "string", usage: "Command to run to check health" },
    { long: "health-interval", type: "duration", usage: "Time between running the check (ms|s|m|h) (default 0s)" },
    { long: "health-retries", type: "int", usage: "Consecutive failures needed to report unhealthy" },
    { long: "health-start-period", type: "duration", usage: "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)" },
    { long: "health-timeout", type: "duration", usage: "Maximum time to allow one check to run (ms|s|m|h) (default 0s)" },
    // declared, as docker run does, so that -h means --hostname (the help flag keeps only --help)
    { long: "help", type: "bool", usage: "Print usage" },
    { long: "hostname", short: "h", type: "string", usage: "Container host name" },
    { long: "init", type: "bool", usage: "Run an init inside the container that forwards signals and reaps processes" },
    { long: "interactive", short: "i", type: "bool", usage: "Keep STDIN open even if not attached" },
    { long: "ip", type: "string", usage: "IPv4 address (e.g., 172.30.100.104)" },
    { long: "ip6", type: "string", usage: "IPv6 address (e.g., 2001:db8::33)" },
    { long: "ipc", type: "string", usage: "IPC mode to use" },
    { long: "isolation", type: "string", usage: "Container isolation technology" },
    { long: "kernel-memory", type: "bytes", usage: "Kernel memory limit" },
    { long: "label", short: "l", type: "list", usage: "Set meta data on a container" },
    { long: "label-file", type: "list", usage: "Read in a line delimited file of labels" },
    { long: "link", type: "list", usage: "Add link to another container" },
    { long: "link-local-ip", type: "list", usage: "Container IPv4/IPv6 link-local addresses" },
    { long: "log-driver", type: "string", usage: "Logging driver for the container" },
    { long: "log-opt", type: "list", usage: "Log driver options" },
    { long: "mac-address", type: "string", usage: "Container MAC address (e.g., 92:d0:c6:0a:29:33)" },
    { long: "memory", short: "m", type: "bytes", usage: "Memory limit" },
    { long: "memory-reservation", type: "bytes", usage: "Memory soft limit" },
    { long: "memory-swap", type: "bytes", usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap" },
    { long: "memory-swappiness", type: "int64", default: -1, usage: "Tune container memory swappiness (0 to 100)" },
    { long: "mount", type: "list", typeName: "mount", usage: "Attach a filesystem mount to the container", validate: mountValidate },
    { long: "name", type: "string", usage: "Assign a name to the container" },
    { long: "net", type: "string", usage: "Connect a container to a network", hidden: true },
    { long: "net-alias", type: "list", usage: "Add network-scoped alias for the container", hidden: true },
    { long: "network", type: "string", typeName: "network", usage: "Connect a container to a network" },
    { long: "network-alias", type: "list", usage: "Add network-scoped alias for the container" },
    { long: "no-healthcheck", type: "bool", usage: "Disable any container-specified HEALTHCHECK" },
    { long: "oom-kill-disable", type: "bool", usage: "Disable OOM Killer" },
    { long: "oom-score-adj", type: "int", usage: "Tune host's OOM preferences (-1000 to 1000)" },
    { long: "pid", type: "string", usage: "PID namespace to use" },
    { long: "pids-limit", type: "int64", usage: "Tune container pids limit (set -1 for unlimited)" },
    { long: "platform", type: "string", usage: "Set platform if server is multi-platform capable" },
    { long: "privileged", type: "bool", usage: "Give extended privileges to this container" },
    { long: "publish", short: "p", type: "list", usage: "Publish a container's port(s) to the host" },
    { long: "publish-all", short: "P", type: "bool", usage: "Publish all exposed ports to random ports" },
    { long: "pull", type: "string", default: "missing", usage: pullUsage },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress the pull output" },
    { long: "read-only", type: "bool", usage: "Mount the container's root filesystem as read only" },
    { long: "restart", type: "string", default: "no", usage: "Restart policy to apply when a container exits" },
    { long: "rm", type: "bool", usage: "Automatically remove the container and its associated anonymous volumes when it exits" },
    { long: "runtime", type: "string", usage: "Runtime to use for this container" },
    { long: "security-opt", type: "list", usage: "Security Options" },
    { long: "shm-size", type: "bytes", usage: "Size of /dev/shm" },
    { long: "stop-signal", type: "string", usage: "Signal to stop the container" },
    { long: "stop-timeout", type: "int", usage: "Timeout (in seconds) to stop a container" },
    { long: "storage-opt", type: "list", usage: "Storage driver options for the container" },
    { long: "sysctl", type: "map", usage: "Sysctl options", defaultText: "map[]", validate: sysctlValidate },
    { long: "tmpfs", type: "list", usage: "Mount a tmpfs directory" },
    { long: "tty", short: "t", type: "bool", usage: "Allocate a pseudo-TTY" },
    { long: "ulimit", type: "list", typeName: "ulimit", usage: "Ulimit options", defaultText: "[]", validate: ulimitValidate },
    { long: "use-api-socket", type: "bool", usage: "Bind mount Docker API socket and required auth" },
    { long: "user", short: "u", type: "string", usage: "Username or UID (format: <name|uid>[:<group|gid>])" },
    { long: "userns", type: "string", usage: "User namespace to use" },
    { long: "uts", type: "string", usage: "UTS namespace to use" },
    { long: "volume", short: "v", type: "list", usage: "Bind mount a volume" },
    { long: "volume-driver", type: "string", usage: "Optional volume driver for the container" },
    { long: "volumes-from", type: "list", usage: "Mount volumes from the specified container(s)" },
    { long: "workdir", short: "w", type: "string", usage: "Working directory inside the container" },
  ];
}

/** docker run's own flags besides the shared ones. */
export const RUN_ONLY_FLAGS: FlagDef[] = [
  { long: "detach", short: "d", type: "bool", usage: "Run container in background and print container ID" },
  { long: "detach-keys", type: "string", usage: "Override the key sequence for detaching a container" },
  { long: "sig-proxy", type: "bool", default: true, usage: "Proxy received signals to the process" },
];
