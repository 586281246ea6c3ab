/**
 * The daemon's state and lookups: images, layers, containers, volumes and networks, plus the
 * deterministic ID source. The verbs live one per file beside this (create.ts, start.ts, ...).
 */
import type { Machine } from "../runtime/machine";
import { LayerStore } from "../snapshots/layers";
import { sha256Hex } from "../util/sha256";
import type { Container } from "./container/container";
import { conflict, notFound } from "./errdefs";
import type { Image } from "./images/image";
import { ImageStore } from "./images/store";
import { Events } from "./events";
import { NameGenerator } from "./names";
import type { NetworkStore } from "./network/store";
import type { VolumeStore } from "./volume/store";

export class Daemon {
  readonly layers = new LayerStore();
  readonly images = new ImageStore();
  readonly containers = new Map<string, Container>();
  readonly events = new Events();
  /** How many IDs have been handed out (part of the saved state). */
  idSeq = 0;
  /** Seed for generated names and IDs, so that a scenario replays identically. */
  seed: number;
  /** Generated container names (its state is part of the saved host). */
  nameGen: NameGenerator;
  networks!: NetworkStore;
  /** Fetches an image from a registry (the distribution model); absent when none is reachable. */
  pull?: (ref: string) => Image | null;
  volumes!: VolumeStore;

  constructor(
    readonly machine: Machine,
    seed = 1,
  ) {
    this.seed = seed;
    this.nameGen = new NameGenerator(seed);
  }

  get kernel() {
    return this.machine.kernel;
  }

  now(): number {
    return this.machine.sched.now;
  }

  /** A fresh 64-hex ID, deterministic for a given seed and history. */
  newId(kind: string): string {
    return sha256Hex(`${kind}:${this.seed}:${++this.idSeq}`);
  }

  /** Find a container by full ID, name, or unique ID prefix (moby's GetContainer). */
  findContainer(ref: string): Container | null {
    const byId = this.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith("/") ? ref.slice(1) : ref;
    for (const c of this.containers.values()) if (c.name === name) return c;
    if (!/^[0-9a-f]+$/.test(ref)) return null;
    const matches = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    if (matches.length > 1) throw new (class extends Error {})(`multiple IDs found with provided prefix: ${ref}`);
    return matches[0] ?? null;
  }

  mustContainer(ref: string): Container {
    const c = this.findContainer(ref);
    if (!c) throw notFound(`No such container: ${ref}`);
    return c;
  }

  containerByName(name: string): Container | undefined {
    for (const c of this.containers.values()) if (c.name === name) return c;
    return undefined;
  }

  /** Reserve a container name, or fail the way moby's name registrar does. */
  checkName(name: string): void {
    const c = this.containerByName(name);
    if (c) throw conflict(`Conflict. The container name "/${name}" is already in use by container "${c.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  }
}
