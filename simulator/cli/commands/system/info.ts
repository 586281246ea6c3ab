/**
 * docker info: the client, then the engine's counts and settings. The counts are live; the
 * settings describe the simulated host (cgroup v2, overlay2, 4 CPUs, the host model's memory).
 */
import { str, type Command, type CliEnv } from "../../command";
import { registerCommand } from "../../registry";
import { parseTemplate } from "../../template/index";
import { imagesList } from "../../../daemon/images/list";
import { HOST_CPUS, HOST_MEMINFO, HOST_UNAME } from "../../../runtime/applets/lib/sys-host";
import { CLIENT, ENGINE } from "./version";

function gib(kb: number): string {
  return `${(kb / 1024 / 1024).toFixed(2).replace(/\.?0+$/, "")}GiB`;
}

function infoData(env: CliEnv) {
  const d = env.daemon;
  const cs = [...d.containers.values()];
  const running = cs.filter((c) => c.state.Running && !c.state.Paused).length;
  const paused = cs.filter((c) => c.state.Paused).length;
  return {
    ID: "LLAB:SIMU:LATE:DENG:INE0:0000:0000:0000:0000:0000:0000:0001",
    Containers: cs.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: cs.length - running - paused,
    Images: imagesList(d, { all: true, filters: [] }).length,
    Driver: "overlay2",
    LoggingDriver: "json-file",
    CgroupDriver: "systemd",
    CgroupVersion: "2",
    DefaultRuntime: "runc",
    InitBinary: "docker-init",
    KernelVersion: HOST_UNAME.release,
    OperatingSystem: "Layerlab simulated host",
    OSType: "linux",
    Architecture: "x86_64",
    NCPU: HOST_CPUS,
    MemTotal: HOST_MEMINFO.MemTotal * 1024,
    Name: env.daemon.machine.hostNs.uts.hostname,
    DockerRootDir: "/var/lib/docker",
    ServerVersion: ENGINE.Version,
  };
}

function infoText(env: CliEnv): string {
  const i = infoData(env);
  return `Client:
 Version:    ${CLIENT.Version}
 Context:    ${CLIENT.Context}
 Debug Mode: false

Server:
 Containers: ${i.Containers}
  Running: ${i.ContainersRunning}
  Paused: ${i.ContainersPaused}
  Stopped: ${i.ContainersStopped}
 Images: ${i.Images}
 Server Version: ${i.ServerVersion}
 Storage Driver: ${i.Driver}
  Backing Filesystem: extfs
  Supports d_type: true
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: ${i.LoggingDriver}
 Cgroup Driver: ${i.CgroupDriver}
 Cgroup Version: ${i.CgroupVersion}
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local logentries splunk syslog
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: ${i.DefaultRuntime}
 Init Binary: ${i.InitBinary}
 Security Options:
  seccomp
   Profile: default
  cgroupns
 Kernel Version: ${i.KernelVersion}
 Operating System: ${i.OperatingSystem}
 OSType: ${i.OSType}
 Architecture: ${i.Architecture}
 CPUs: ${i.NCPU}
 Total Memory: ${gib(HOST_MEMINFO.MemTotal)}
 Name: ${i.Name}
 ID: ${i.ID}
 Docker Root Dir: ${i.DockerRootDir}
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  127.0.0.0/8
 Live Restore Enabled: false
`;
}

registerCommand({
  path: "docker info",
  use: "[OPTIONS]",
  short: "Display system-wide information",
  aliases: ["docker system info"],
  args: { kind: "none" },
  flags: [{ long: "format", short: "f", type: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" }],
  async run(env, v) {
    const format = str(v, "format");
    if (!format) {
      await env.out(infoText(env));
      return 0;
    }
    const data = infoData(env);
    if (format === "json") {
      await env.out(JSON.stringify(data) + "\n");
      return 0;
    }
    try {
      await env.out(parseTemplate(format).execute(data) + "\n");
      return 0;
    } catch (e) {
      await env.err(`template: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  },
} satisfies Command);
