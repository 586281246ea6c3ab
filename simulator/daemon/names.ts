/**
 * Generated container names: "<adjective>_<surname>", as the Docker daemon makes them when
 * `docker run` gets no --name. Deterministic from a seed so lessons and transcripts replay.
 *
 *   const gen = new NameGenerator(42);
 *   gen.next(0)                                  -> e.g. "curious_lovelace"
 *   generateContainerName(gen, n => taken.has(n)) -> "/curious_lovelace" (or with a digit suffix)
 *
 * Rules kept from the daemon: "boring_wozniak" is never produced; a retry (attempt > 0) appends
 * one random digit; after six taken candidates the name falls back to the first 12 hex digits of
 * the container ID. Names are returned with the leading "/" the daemon stores.
 */
import { ADJECTIVES, SURNAMES } from "./names-data";

/** mulberry32: a small 32-bit PRNG; its state is one number, so it serialises trivially. */
export class NameGenerator {
  state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A uniform integer in [0, n). */
  intn(n: number): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(r * n);
  }
  /** GetRandomName(retry): a candidate name without the leading slash. */
  next(retry: number): string {
    for (;;) {
      const name = ADJECTIVES[this.intn(ADJECTIVES.length)] + "_" + SURNAMES[this.intn(SURNAMES.length)];
      if (name === "boring_wozniak") continue; // Steve Wozniak is not boring
      return retry > 0 ? name + String(this.intn(10)) : name;
    }
  }
}

/**
 * The daemon's generateNewName: up to six random candidates (the first without a suffix), each
 * checked with `isTaken` (given the "/name" form); then "/" + the 12-character short ID.
 */
export function generateContainerName(
  gen: NameGenerator,
  isTaken: (name: string) => boolean,
  containerId?: string,
): string {
  for (let i = 0; i < 6; i++) {
    const name = "/" + gen.next(i);
    if (!isTaken(name)) return name;
  }
  if (containerId === undefined) throw new Error("no free generated name and no container ID to fall back on");
  return "/" + containerId.slice(0, 12);
}

/** The container-name rule the daemon enforces for --name: [a-zA-Z0-9][a-zA-Z0-9_.-]+ */
export const VALID_CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export { ADJECTIVES, SURNAMES };
