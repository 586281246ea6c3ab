/** docker create: validate, merge the image's config, reserve the name, prepare layers and mounts. */
import { formatPlatform, HOST_PLATFORM, platformOfConfig, samePlatform } from "../distribution/platform";
import { type ContainerConfig, emptyContainerConfig } from "../api/types";
import { newDir, nextIno } from "../fs/inode";
import { utf8 } from "../util/bytes";
import { Container, type HostConfig } from "./container/container";
import { initLayer } from "./container/initlayer";
import type { Daemon } from "./daemon";
import { invalidParameter, notFound, systemError } from "./errdefs";
import { MountTable } from "../runtime/mounts";
import { Vfs } from "../runtime/vfs";
import { rootCred } from "../runtime/cred";
import { rootOverlay } from "./container/mounts";
import { setupWorkingDir } from "./container/workdir";
import type { Image } from "./images/image";
import { generateContainerName } from "./names";
import { verifyContainerSettings } from "./create-verify";
import { planMounts } from "./container/volumes";

export interface CreateRequest {
  name?: string;
  /** The image as the user named it. */
  image: string;
  config: Partial<ContainerConfig>;
  hostConfig: Partial<HostConfig>;
  /** Per-network endpoint settings (--network-alias). */
  networkingConfig?: { EndpointsConfig: Record<string, { Aliases?: string[] | null }> };
  /** --platform, when given (no warning about a foreign image then). */
  platform?: string;
}

export function defaultHostConfig(): HostConfig {
  return {
    Binds: null,
    AutoRemove: false,
    RestartPolicy: { Name: "no", MaximumRetryCount: 0 },
    NetworkMode: "default",
    PortBindings: {},
    PublishAllPorts: false,
    Memory: 0,
    MemorySwap: 0,
    NanoCpus: 0,
    CpuShares: 0,
    PidsLimit: null,
    ReadonlyRootfs: false,
    CapAdd: null,
    CapDrop: null,
    Privileged: false,
    Init: null,
    Tmpfs: null,
    VolumesFrom: null,
    Dns: [],
    ExtraHosts: null,
    Links: null,
    Mounts: [],
  };
}

const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Merge the image's defaults into the request (moby's daemon.mergeAndVerifyConfig). */
export function mergeConfig(img: Image, req: Partial<ContainerConfig>, imageName: string): ContainerConfig {
  const ic = img.config.config;
  const c: ContainerConfig = { ...emptyContainerConfig(), ...req, Image: imageName };
  // environment: the request's, then the image's variables it does not set
  const userEnv = req.Env ?? [];
  if (userEnv.length === 0) c.Env = ic.Env ? [...ic.Env] : null;
  else {
    const keys = new Set(userEnv.map((e) => e.split("=")[0]));
    c.Env = [...userEnv, ...(ic.Env ?? []).filter((e) => !keys.has(e.split("=")[0]))];
  }
  const reqEntrypoint = req.Entrypoint ?? null;
  if (reqEntrypoint === null) {
    c.Entrypoint = ic.Entrypoint ?? null;
    if (!req.Cmd || req.Cmd.length === 0) c.Cmd = ic.Cmd ?? null;
  } else {
    c.Entrypoint = reqEntrypoint.length === 1 && reqEntrypoint[0] === "" ? null : reqEntrypoint;
    c.Cmd = req.Cmd && req.Cmd.length ? req.Cmd : null;
  }
  if (!c.WorkingDir) c.WorkingDir = ic.WorkingDir ?? "";
  if (!c.User) c.User = ic.User ?? "";
  if (ic.ExposedPorts || req.ExposedPorts) c.ExposedPorts = { ...(req.ExposedPorts ?? {}), ...(ic.ExposedPorts ?? {}) };
  if (ic.Volumes || req.Volumes) c.Volumes = { ...(req.Volumes ?? {}), ...(ic.Volumes ?? {}) };
  c.Labels = { ...(ic.Labels ?? {}), ...(req.Labels ?? {}) };
  if (!c.StopSignal && ic.StopSignal) c.StopSignal = ic.StopSignal;
  if (ic.Healthcheck) {
    if (!c.Healthcheck) c.Healthcheck = { ...ic.Healthcheck };
    else {
      const h = { ...c.Healthcheck };
      if (h.Test.length === 0) h.Test = ic.Healthcheck.Test;
      for (const k of ["Interval", "Timeout", "StartPeriod", "Retries"] as const) if (!h[k] && ic.Healthcheck[k]) h[k] = ic.Healthcheck[k];
      c.Healthcheck = h;
    }
  }
  if (c.OnBuild === null && ic.OnBuild) c.OnBuild = null;
  return c;
}

export function containerCreate(d: Daemon, req: CreateRequest, img: Image | null): { Id: string; Warnings: string[] } {
  if (!img) throw notFound(`No such image: ${req.image}`);
  verifyContainerSettings(req.config, req.hostConfig);
  if (req.name !== undefined && req.name !== "") {
    if (!VALID_NAME.test(req.name)) throw invalidParameter(`Invalid container name (${req.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    d.checkName(req.name.replace(/^\//, ""));
  }
  const config = mergeConfig(img, req.config, req.image);
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  if (argv.length === 0) throw invalidParameter("No command specified");
  const hostConfig: HostConfig = { ...defaultHostConfig(), ...req.hostConfig };
  // --pid container:<name|id> names the container by its full ID from here on
  const pidMode = hostConfig.extra?.PidMode ?? "";
  if (pidMode.startsWith("container:")) {
    const ref = pidMode.slice("container:".length);
    const target = d.findContainer(ref);
    if (!target) throw notFound(`No such container: ${ref}`);
    hostConfig.extra = { ...hostConfig.extra, PidMode: `container:${target.id}` };
  }
  // by default the swap limit is twice the memory limit (adaptContainerSettings)
  if (hostConfig.Memory > 0 && hostConfig.MemorySwap === 0) hostConfig.MemorySwap = hostConfig.Memory * 2;
  const id = d.newId("container");
  let name = req.name?.replace(/^\//, "");
  if (!name) {
    name = generateContainerName(d.nameGen, (n) => d.containerByName(n.replace(/^\//, "")) !== undefined, id).replace(/^\//, "");
  }
  // a container on the host's network takes the host's name; others their short ID
  if (!config.Hostname) config.Hostname = hostConfig.NetworkMode === "host" ? d.machine.hostNs.uts.hostname : id.slice(0, 12);
  // creating a container takes a moment on a real engine; it also keeps creation times distinct
  d.machine.sched.now += 1;
  const now = d.now();
  const c = new Container(id, name, now, argv[0], argv.slice(1), config, hostConfig, img.id);
  c.rw = newDir(0o755, 0, 0, now);
  c.init = initLayer(now);
  const file = (text: string) => ({ ino: nextIno(), type: "file" as const, mode: 0o644, uid: 0, gid: 0, mtime: now, nlink: 1, data: utf8(text) });
  c.etcFiles = { hostname: file(config.Hostname + "\n"), hosts: file(""), resolv: file("") };
  const mode = hostConfig.NetworkMode === "default" ? "bridge" : hostConfig.NetworkMode;
  if (!["host", "none"].includes(mode) && !mode.startsWith("container:")) {
    if (!d.networks.find(mode)) throw notFound(`network ${mode} not found`);
    const aliases = req.networkingConfig?.EndpointsConfig[hostConfig.NetworkMode]?.Aliases ?? req.networkingConfig?.EndpointsConfig[mode]?.Aliases ?? null;
    c.networks[mode] = { IPAddress: "", Gateway: "", MacAddress: "", Aliases: aliases?.length ? [...aliases] : null, NetworkID: "", EndpointID: "", IPPrefixLen: 0 };
  }
  // the working directory is made in the container's layer at create (createContainerOSSpecificSettings)
  if (config.WorkingDir) {
    const mounts = new MountTable();
    mounts.add({ at: [], backend: rootOverlay(c, img.top, () => d.now()), readOnly: false, source: "overlay", fstype: "overlay", options: "" });
    const err = setupWorkingDir(new Vfs(mounts, rootCred(), "/", () => d.now(), d.machine.devices, 0), config.WorkingDir);
    if (err) throw systemError(err);
  }
  // volumes are made and mounts worked out at create, as the engine does (docker volume ls shows them)
  planMounts(d, c);
  d.containers.set(id, c);
  d.events.emit({ Type: "container", Action: "create", Actor: { ID: id, Attributes: { image: req.image, name } }, time: now });
  const warnings: string[] = [];
  const imgPlatform = platformOfConfig(img.config);
  if (!req.platform && !samePlatform(imgPlatform, HOST_PLATFORM)) {
    warnings.push(`The requested image's platform (${formatPlatform(imgPlatform)}) does not match the detected host platform (${formatPlatform(HOST_PLATFORM)}) and no specific platform was requested`);
  }
  if (mode === "host" && Object.keys(hostConfig.PortBindings ?? {}).length) warnings.push("Published ports are discarded when using host network mode");
  return { Id: id, Warnings: warnings };
}
