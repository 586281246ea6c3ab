/**
 * The Go types docker inspect templates run on first (types.ContainerJSON and its parts), so that
 * `{{.HostConfig.RestartPolicy}}` prints `{no 0}`, `{{gt .State.Pid 0}}` compares ints and
 * `{{json .State}}` keeps the struct's field order. A template that needs a field not described
 * here fails on the typed value and runs again on the raw JSON, as the docker CLI does.
 */
import { T, typed, type FieldDef, type GoType } from "../../template/index";

const f = (name: string, type: GoType, omitempty = false): FieldDef => ({ name, type, omitempty });
const str = T.string;
const int = T.int;
const int64 = T.int64;
const bool = T.bool;
const strs = T.slice(T.string);
const empty = T.struct("struct {}", []);
const portSet = T.map(empty);

const State = T.struct("container.State", [
  f("Status", str), f("Running", bool), f("Paused", bool), f("Restarting", bool), f("OOMKilled", bool), f("Dead", bool),
  f("Pid", int), f("ExitCode", int), f("Error", str), f("StartedAt", str), f("FinishedAt", str),
  f("Health", T.ptr(T.struct("container.Health")), true),
]);

const RestartPolicy = T.struct("container.RestartPolicy", [f("Name", T.named("string", "container.RestartPolicyMode")), f("MaximumRetryCount", int)]);
const PortBinding = T.struct("nat.PortBinding", [f("HostIp", str), f("HostPort", str)]);
const PortMap = T.map(T.slice(PortBinding));
const LogConfig = T.struct("container.LogConfig", [f("Type", str), f("Config", T.map(str))]);

const HostConfig = T.struct("container.HostConfig", [
  f("Binds", strs), f("ContainerIDFile", str), f("LogConfig", LogConfig), f("NetworkMode", T.named("string", "container.NetworkMode")),
  f("PortBindings", PortMap), f("RestartPolicy", RestartPolicy), f("AutoRemove", bool), f("VolumeDriver", str), f("VolumesFrom", strs),
  f("ConsoleSize", T.slice(T.uint64)), f("Annotations", T.map(str), true), f("CapAdd", strs), f("CapDrop", strs),
  f("CgroupnsMode", T.named("string", "container.CgroupnsMode")), f("Dns", strs), f("DnsOptions", strs), f("DnsSearch", strs),
  f("ExtraHosts", strs), f("GroupAdd", strs), f("IpcMode", T.named("string", "container.IpcMode")), f("Cgroup", T.named("string", "container.CgroupSpec")),
  f("Links", strs), f("OomScoreAdj", int), f("PidMode", T.named("string", "container.PidMode")), f("Privileged", bool),
  f("PublishAllPorts", bool), f("ReadonlyRootfs", bool), f("SecurityOpt", strs), f("StorageOpt", T.map(str), true), f("Tmpfs", T.map(str), true),
  f("UTSMode", T.named("string", "container.UTSMode")), f("UsernsMode", T.named("string", "container.UsernsMode")), f("ShmSize", int64),
  f("Sysctls", T.map(str), true), f("Runtime", str, true), f("Isolation", T.named("string", "container.Isolation")),
  f("CpuShares", int64), f("Memory", int64), f("NanoCpus", int64), f("CgroupParent", str), f("BlkioWeight", T.uint16),
  f("CpuPeriod", int64), f("CpuQuota", int64), f("CpusetCpus", str), f("CpusetMems", str),
  f("MemoryReservation", int64), f("MemorySwap", int64), f("MemorySwappiness", T.ptr(int64)), f("OomKillDisable", T.ptr(bool)),
  f("PidsLimit", T.ptr(int64)), f("CpuCount", int64), f("CpuPercent", int64),
  f("MaskedPaths", strs), f("ReadonlyPaths", strs), f("Init", T.ptr(bool), true),
]);

const duration = T.named("int64", "time.Duration");
const HealthConfig = T.struct("container.HealthConfig", [
  f("Test", strs, true), f("Interval", duration, true), f("Timeout", duration, true), f("StartPeriod", duration, true),
  f("StartInterval", duration, true), f("Retries", int, true),
]);

const Config = T.struct("container.Config", [
  f("Hostname", str), f("Domainname", str), f("User", str), f("AttachStdin", bool), f("AttachStdout", bool), f("AttachStderr", bool),
  f("ExposedPorts", portSet, true), f("Tty", bool), f("OpenStdin", bool), f("StdinOnce", bool), f("Env", strs), f("Cmd", strs),
  f("Healthcheck", T.ptr(HealthConfig), true), f("ArgsEscaped", bool, true), f("Image", str),
  f("Volumes", T.map(empty)), f("WorkingDir", str), f("Entrypoint", strs), f("NetworkDisabled", bool, true), f("MacAddress", str, true), f("OnBuild", strs),
  f("Labels", T.map(str)), f("StopSignal", str, true), f("StopTimeout", T.ptr(int), true), f("Shell", strs, true),
]);

const MountPoint = T.struct("container.MountPoint", [
  f("Type", T.named("string", "mount.Type"), true), f("Name", str, true), f("Source", str), f("Destination", str), f("Driver", str, true),
  f("Mode", str), f("RW", bool), f("Propagation", T.named("string", "mount.Propagation")),
]);

const Endpoint = T.struct("network.EndpointSettings", [
  f("IPAMConfig", T.ptr(T.struct("network.EndpointIPAMConfig"))), f("Links", strs), f("Aliases", strs), f("MacAddress", str),
  f("DriverOpts", T.map(str)), f("GwPriority", int), f("NetworkID", str), f("EndpointID", str), f("Gateway", str), f("IPAddress", str),
  f("IPPrefixLen", int), f("IPv6Gateway", str), f("GlobalIPv6Address", str), f("GlobalIPv6PrefixLen", int), f("DNSNames", strs),
]);

const NetworkSettings = T.struct("container.NetworkSettings", [
  f("Bridge", str), f("SandboxID", str), f("SandboxKey", str), f("Ports", PortMap), f("HairpinMode", bool),
  f("LinkLocalIPv6Address", str), f("LinkLocalIPv6PrefixLen", int), f("SecondaryIPAddresses", T.slice(T.struct("network.Address"))),
  f("SecondaryIPv6Addresses", T.slice(T.struct("network.Address"))), f("EndpointID", str), f("Gateway", str), f("GlobalIPv6Address", str),
  f("GlobalIPv6PrefixLen", int), f("IPAddress", str), f("IPPrefixLen", int), f("IPv6Gateway", str), f("MacAddress", str),
  f("Networks", T.map(T.ptr(Endpoint))),
]);

const GraphDriver = T.struct("storage.DriverData", [f("Data", T.map(str)), f("Name", str)]);

const ContainerJSONBase = T.struct("container.ContainerJSONBase", [
  f("Id", str), f("Created", str), f("Path", str), f("Args", strs), f("State", T.ptr(State)), f("Image", str),
  f("ResolvConfPath", str), f("HostnamePath", str), f("HostsPath", str), f("LogPath", str), f("Name", str), f("RestartCount", int),
  f("Driver", str), f("Platform", str), f("MountLabel", str), f("ProcessLabel", str), f("AppArmorProfile", str), f("ExecIDs", strs),
  f("HostConfig", T.ptr(HostConfig)), f("GraphDriver", GraphDriver), f("SizeRw", T.ptr(int64), true), f("SizeRootFs", T.ptr(int64), true),
]);

const ContainerJSON = T.struct("container.InspectResponse", [
  { name: "ContainerJSONBase", type: T.ptr(ContainerJSONBase), embedded: true },
  f("Mounts", T.slice(MountPoint)), f("Config", T.ptr(Config)), f("NetworkSettings", T.ptr(NetworkSettings)),
]);

/** A container's inspect object as the typed value templates see first. */
export function typedContainer(obj: Record<string, unknown>): unknown {
  return typed(ContainerJSON, obj);
}

const RootFS = T.struct("image.RootFS", [f("Type", str), f("Layers", strs, true)]);

const ImageInspect = T.struct("image.InspectResponse", [
  f("Id", str), f("RepoTags", strs), f("RepoDigests", strs), f("Parent", str), f("Comment", str), f("Created", str, true),
  f("Container", str, true), f("ContainerConfig", T.ptr(Config), true), f("DockerVersion", str), f("Author", str),
  f("Config", T.ptr(Config)), f("Architecture", str), f("Variant", str, true), f("Os", str), f("OsVersion", str, true),
  f("Size", int64), f("VirtualSize", int64, true), f("GraphDriver", GraphDriver), f("RootFS", RootFS),
  f("Metadata", T.struct("image.Metadata", [f("LastTagTime", T.named("string", "time.Time"), true)])),
]);

/** Go's time.Time String() of an RFC 3339 time ("0001-01-01 00:00:00 +0000 UTC"). */
function goTimeString(rfc3339: unknown): unknown {
  if (typeof rfc3339 !== "string") return rfc3339;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(rfc3339);
  return m ? `${m[1]} ${m[2]}${m[3] ?? ""} +0000 UTC` : rfc3339;
}

/** An image's inspect object as the typed value templates see first. */
export function typedImage(obj: Record<string, unknown>): unknown {
  const meta = obj.Metadata as { LastTagTime?: unknown } | undefined;
  return typed(ImageInspect, meta ? { ...obj, Metadata: { ...meta, LastTagTime: goTimeString(meta.LastTagTime) } } : obj);
}
