/** docker inspect: containers and images as the Engine API returns them. */
import type { Container } from "./container/container";
import { rfc3339 } from "./container/state";
import type { Daemon } from "./daemon";
import { familiar } from "./images/lookup";
import { type Image, imageComment, imageSize } from "./images/image";
import { LayerStore } from "../snapshots/layers";
import type { ContainerConfig } from "../api/types";
import { treeSize } from "../fs/inode";
import { sha256Hex } from "../util/sha256";
import { hostConfigJSON } from "./inspect-hostconfig";
import { containerPorts } from "./port";

/** Container.Config in the engine's field order (omitempty fields left out when empty). */
export function configJSON(c: ContainerConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { Hostname: c.Hostname, Domainname: c.Domainname, User: c.User, AttachStdin: c.AttachStdin, AttachStdout: c.AttachStdout, AttachStderr: c.AttachStderr };
  if (c.ExposedPorts && Object.keys(c.ExposedPorts).length) out.ExposedPorts = c.ExposedPorts;
  Object.assign(out, { Tty: c.Tty, OpenStdin: c.OpenStdin, StdinOnce: c.StdinOnce, Env: c.Env, Cmd: c.Cmd });
  if (c.Healthcheck) out.Healthcheck = c.Healthcheck;
  if (c.ArgsEscaped) out.ArgsEscaped = true;
  Object.assign(out, { Image: c.Image, Volumes: c.Volumes, WorkingDir: c.WorkingDir, Entrypoint: c.Entrypoint, OnBuild: c.OnBuild, Labels: c.Labels ?? {} });
  if (c.StopSignal) out.StopSignal = c.StopSignal;
  if (c.StopTimeout !== undefined) out.StopTimeout = c.StopTimeout;
  if (c.Shell) out.Shell = c.Shell;
  return out;
}

/** A stable hex key standing for an overlay2 directory. */
const dirKey = (s: string) => sha256Hex("overlay2:" + s);

export function inspectContainer(d: Daemon, c: Container, size = false): Record<string, unknown> {
  const dir = `/var/lib/docker/containers/${c.id}`;
  const started = c.hasBeenStarted;
  const networks: Record<string, unknown> = {};
  for (const [name, ep] of Object.entries(c.networks)) {
    networks[name] = { IPAMConfig: null, Links: null, Aliases: ep.Aliases, NetworkID: ep.NetworkID, EndpointID: ep.EndpointID, Gateway: ep.Gateway, IPAddress: ep.IPAddress, IPPrefixLen: ep.IPPrefixLen, IPv6Gateway: "", GlobalIPv6Address: "", GlobalIPv6PrefixLen: 0, MacAddress: ep.MacAddress, DriverOpts: null };
  }
  const bridge = c.networks.bridge;
  const img = d.images.get(c.image);
  const layers = LayerStore.stack(img?.top ?? null);
  const key = dirKey(c.id);
  const lower = [`/var/lib/docker/overlay2/${key}-init/diff`, ...layers.reverse().map((l) => `/var/lib/docker/overlay2/${dirKey(l.chainId)}/diff`)].join(":");
  const sandbox = started ? dirKey("sandbox:" + c.id) : "";
  const out: Record<string, unknown> = {
    Id: c.id,
    Created: rfc3339(c.created),
    Path: c.path,
    Args: c.args,
    State: { ...c.state },
    Image: c.image,
    ResolvConfPath: started ? `${dir}/resolv.conf` : "",
    HostnamePath: started ? `${dir}/hostname` : "",
    HostsPath: started ? `${dir}/hosts` : "",
    LogPath: started ? `${dir}/${c.id}-json.log` : "",
    Name: "/" + c.name,
    RestartCount: c.restartCount,
    Driver: "overlay2",
    Platform: "linux",
    MountLabel: "",
    ProcessLabel: "",
    AppArmorProfile: "",
    ExecIDs: c.execs.size ? [...c.execs.keys()] : null,
    HostConfig: hostConfigJSON(c.hostConfig),
    GraphDriver: { Data: { LowerDir: lower, MergedDir: `/var/lib/docker/overlay2/${key}/merged`, UpperDir: `/var/lib/docker/overlay2/${key}/diff`, WorkDir: `/var/lib/docker/overlay2/${key}/work` }, Name: "overlay2" },
  };
  if (size) {
    const rw = c.rw ? treeSize(c.rw) : 0;
    out.SizeRw = rw;
    out.SizeRootFs = rw + layers.reduce((a, l) => a + l.size, 0);
  }
  Object.assign(out, {
    Mounts: c.mounts.map((m) => ({ ...m })),
    Config: configJSON(c.config),
    NetworkSettings: {
      Bridge: "",
      SandboxID: sandbox,
      HairpinMode: false,
      LinkLocalIPv6Address: "",
      LinkLocalIPv6PrefixLen: 0,
      Ports: containerPorts(c),
      SandboxKey: sandbox ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : "",
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: bridge?.EndpointID ?? "",
      Gateway: bridge?.Gateway ?? "",
      GlobalIPv6Address: "",
      GlobalIPv6PrefixLen: 0,
      IPAddress: bridge?.IPAddress ?? "",
      IPPrefixLen: bridge?.IPPrefixLen ?? 0,
      IPv6Gateway: "",
      MacAddress: bridge?.MacAddress ?? "",
      Networks: networks,
    },
  });
  return out;
}

export function inspectImage(d: Daemon, img: Image): Record<string, unknown> {
  const cfg = img.config;
  return {
    Id: img.id,
    RepoTags: d.images.tagsOf(img.id).map(familiar),
    RepoDigests: (img.repoDigests ?? []).map(familiar),
    Parent: img.parent,
    Comment: imageComment(img),
    Created: cfg.created,
    Container: cfg.container ?? "",
    ContainerConfig: cfg.container_config ?? { ...cfg.config, Cmd: null },
    DockerVersion: cfg.docker_version ?? "",
    Author: cfg.author ?? "",
    Config: cfg.config,
    Architecture: cfg.architecture,
    ...(cfg.variant ? { Variant: cfg.variant } : {}),
    Os: cfg.os,
    Size: imageSize(img),
    VirtualSize: imageSize(img),
    GraphDriver: { Data: null, Name: "overlay2" },
    RootFS: { Type: "layers", Layers: LayerStore.stack(img.top).map((l) => l.diffId) },
    Metadata: { LastTagTime: "0001-01-01T00:00:00Z" },
  };
}
