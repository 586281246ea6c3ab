/**
 * The built-in images. A fresh simulated host has busybox:latest, file for file the lab image, made the
 * way the lab image was made (the classic builder: an untagged parent image holding the ADD
 * layer, and busybox:latest on top of it adding CMD ["sh"]).
 */
import type { ContainerConfig, ImageConfig } from "../api/types";
import { emptyContainerConfig } from "../api/types";
import { rfc3339 } from "../daemon/container/state";
import type { Daemon } from "../daemon/daemon";
import { imageIdOf } from "../daemon/images/image";
import { refKey, parseRefOrThrow } from "../daemon/images/lookup";
import { sha256Hex } from "../util/sha256";
import { BUSYBOX_MODEL } from "./busybox.data";
import { treeFromEntries } from "./load-model";
import { BUSYBOX_DIFF_ID } from "./busybox-digest";
import type { Image } from "../daemon/images/image";
import type { Kernel } from "../runtime/kernel";
import type { Program } from "../runtime/program";
import { parseNormalizedNamed } from "../api/reference";
import { loadModel, type ImageModel } from "./model";
import { NGINX_MODEL } from "./nginx/model";
import { REDIS_MODEL } from "./redis/model";
import { POSTGRES_MODEL } from "./postgres/model";
import { NODE_MODEL } from "./node/model";
import { REGISTRY_MODEL } from "./registry/model";
import { registryProgram } from "./registry/server";
import { HTTPD_MODEL } from "./httpd/model";
import { httpdProgram } from "./httpd/server";
import { htpasswdProgram } from "./httpd/htpasswd";
import { debianProgram, gosuProgram, setprivProgram } from "./base/programs";
import { envsubstProgram } from "./base/envsubst";
import { curlProgram } from "./base/curl";
import { nginxProgram } from "./nginx/server";
import { redisServerProgram } from "./redis/server";
import { redisCliProgram } from "./redis/cli";
import { initdbProgram, pgCtlProgram, postgresProgram } from "./postgres/server";
import { psqlProgram } from "./postgres/psql";
import { nodeProgram } from "./node/runtime";
import { npmProgram, yarnProgram } from "./node/pkg";

/**
 * When the built-in images were made: a few minutes before the simulated machine starts, as the
 * lab image is built before a session (its files carry 2024-01-01 00:00:00).
 */
export const CATALOG_TIME = Date.UTC(2023, 11, 31, 23, 57);

/** The source digest the classic builder recorded for the lab image's `ADD rootfs.tar /`. */
export const LAB_ADD_FILE = "f714cae5d3c229435680f28c2c972e4260e729f88908297ade5e460433e03719";

export function loadBusybox(d: Daemon): string {
  const tree = treeFromEntries(BUSYBOX_MODEL.entries, () => "busybox");
  const layer = d.layers.register(tree, null, BUSYBOX_DIFF_ID);
  const m = BUSYBOX_MODEL.config;
  const created = rfc3339(CATALOG_TIME);
  const history = m.history.map((h) => ({
    created,
    created_by: h.created_by.replace("file:<layer>", "file:" + LAB_ADD_FILE),
    ...("empty_layer" in h ? { empty_layer: true } : {}),
  }));
  const env = [...m.config.Env];
  const base = (c: Partial<ContainerConfig>): ContainerConfig => ({ ...emptyContainerConfig(), Env: [...env], ...c });
  const rootfs = { type: "layers" as const, diff_ids: [layer.diffId] };
  const [add, cmd] = history;
  const parentConfig: ImageConfig = {
    architecture: m.architecture,
    config: base({}),
    container_config: base({ Cmd: ["/bin/sh", "-c", add.created_by.replace(/^\/bin\/sh -c /, "")] }),
    created,
    docker_version: "20.10.24+dfsg1",
    history: [add],
    os: m.os,
    rootfs,
  };
  const parentId = imageIdOf(parentConfig);
  d.images.add({ id: parentId, config: parentConfig, top: layer, parent: "" });
  const buildContainer = sha256Hex("layerlab lab image: CMD step");
  const config: ImageConfig = {
    architecture: m.architecture,
    config: base({ Cmd: [...m.config.Cmd], Image: parentId }),
    container: buildContainer,
    container_config: base({ Hostname: buildContainer.slice(0, 12), Cmd: ["/bin/sh", "-c", "#(nop) ", cmd.created_by.replace(/^\/bin\/sh -c #\(nop\) +/, "")], Image: parentId, Labels: {} }),
    created,
    docker_version: "20.10.24+dfsg1",
    history,
    os: m.os,
    rootfs,
  };
  const id = imageIdOf(config);
  d.images.add({ id, config, top: layer, parent: parentId });
  d.images.setTag(refKey(parseRefOrThrow("busybox:latest")), id);
  return id;
}

/**
 * The image models beyond the lab's busybox (see model.ts): nginx, redis, postgres and
 * node:22-alpine. They are not in a fresh host's image store (a fresh engine has only what was
 * pulled); `docker run`, `docker create`, builds and `docker compose` fetch them from here as
 * from a registry, and a lesson's start state can hold them already (HostOptions.images).
 */
export const CATALOG_MODELS: readonly ImageModel[] = [NGINX_MODEL, REDIS_MODEL, POSTGRES_MODEL, NODE_MODEL, REGISTRY_MODEL, HTTPD_MODEL];

/** The programs the models' executables name; the host registers them all at start. */
export const CATALOG_PROGRAMS: Readonly<Record<string, Program>> = {
  debian: debianProgram,
  gosu: gosuProgram,
  setpriv: setprivProgram,
  envsubst: envsubstProgram,
  curl: curlProgram,
  nginx: nginxProgram,
  "redis-server": redisServerProgram,
  "redis-cli": redisCliProgram,
  postgres: postgresProgram,
  initdb: initdbProgram,
  pg_ctl: pgCtlProgram,
  psql: psqlProgram,
  node: nodeProgram,
  npm: npmProgram,
  yarn: yarnProgram,
  registry: registryProgram,
  httpd: httpdProgram,
  htpasswd: htpasswdProgram,
};

export function installCatalogPrograms(kernel: Kernel): void {
  for (const [id, p] of Object.entries(CATALOG_PROGRAMS)) kernel.programs.set(id, p);
}

/** The model an image reference names ("nginx", "docker.io/library/redis:latest", ...), if any. */
export function catalogModel(ref: string): ImageModel | null {
  const parsed = parseNormalizedNamed(ref);
  if (!parsed.ok) return null;
  const key = refKey(parsed.ref);
  return CATALOG_MODELS.find((m) => m.tags.some((t) => refKey(parseRefOrThrow(t)) === key)) ?? null;
}

/** Put a model's image (all its tags) into the daemon's store; null when no model has that name. */
export function loadCatalogImage(d: Daemon, ref: string): Image | null {
  const m = catalogModel(ref);
  return m ? loadModel(d, m, CATALOG_TIME) : null;
}
