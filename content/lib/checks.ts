/**
 * Small helpers the lessons' exercise checks share: results, a container looked up by name with
 * an explanation when it is missing, and phrases that describe engine state to a learner.
 */
import type { CheckEngine, ContainerInspect, ImageInspect } from "../../simulator/check/engine";
import type { CheckResult } from "../../simulator/check/exercise";

export const pass: CheckResult = { pass: true };
export const fail = (message: string): CheckResult => ({ pass: false, message });

export const isResult = (v: unknown): v is CheckResult => typeof v === "object" && v !== null && "pass" in v;

/** The command a container runs, as one line (entrypoint then command). */
export function commandOf(c: ContainerInspect): string {
  return [...(c.Config.Entrypoint ?? []), ...(c.Config.Cmd ?? [])].join(" ");
}

/** The container's state as a phrase ("has exited with code 137"). */
export function stateText(c: ContainerInspect): string {
  const s = c.State;
  if (s.Status === "created") return "was created but never started";
  if (s.Status === "exited") return `has exited with code ${s.ExitCode}`;
  return `is ${s.Status}`;
}

/** The containers that exist, as "`name` (command)" for messages. */
export async function containerList(engine: CheckEngine): Promise<string[]> {
  return (await engine.containers({ all: true })).map((c) => `\`${c.Names[0].replace(/^\//, "")}\` (${c.Command})`);
}

/**
 * The container named `name`, or a failure that says which containers exist instead.
 * `hint` is added to the message (how to create it, or why it may be gone).
 */
export async function container(engine: CheckEngine, name: string, hint: string): Promise<ContainerInspect | CheckResult> {
  const c = await engine.container(name);
  if (c && c.Name === `/${name}`) return c;
  const others = await containerList(engine);
  const what = others.length ? `the containers are ${others.join(", ")}` : "there are no containers at all";
  return fail(`there is no container named \`${name}\`: ${what}.${hint ? " " + hint : ""}`);
}

/** A running container named `name`, or a failure explaining its state. */
export async function running(engine: CheckEngine, name: string, hint: string): Promise<ContainerInspect | CheckResult> {
  const c = await container(engine, name, hint);
  if (isResult(c)) return c;
  if (c.State.Running && !c.State.Paused) return c;
  return fail(`container \`${name}\` ${stateText(c)} (its main process is \`${commandOf(c)}\`), expected it to be running`);
}

/** An image by reference, or a failure naming the reference. */
export async function image(engine: CheckEngine, ref: string, hint: string): Promise<ImageInspect | CheckResult> {
  return (await engine.image(ref)) ?? fail(`there is no image \`${ref}\`. ${hint}`);
}

/** Bytes as `docker images` prints them (decimal units, three significant digits). */
export function humanSize(bytes: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(3))}${units[i]}`;
}

/** Every tag of the image with this ID ("repo:tag"). */
export async function tagsOf(engine: CheckEngine, id: string): Promise<string[]> {
  const img = (await engine.images()).find((i) => i.Id === id);
  return (img?.RepoTags ?? []).filter((t) => t !== "<none>:<none>");
}
