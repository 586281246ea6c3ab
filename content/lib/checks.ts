/**
 * Small helpers the lessons' exercise checks share: results, a container looked up by name with
 * an explanation when it is missing, and phrases that describe engine state to a learner.
 */
import type { CheckEngine, ContainerInspect, ImageInspect } from "../../simulator/check/engine";
import { failed, type CheckResult, type Said } from "../../simulator/check/exercise";

export const pass: CheckResult = { pass: true };

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

/** stateText in every locale: `container \`web\` ${en}` / `コンテナ \`web\` ${ja}`. */
export function stateSaid(c: ContainerInspect): Said {
  const s = c.State;
  if (s.Status === "created") return { en: stateText(c), ja: "は作成されただけで、一度も起動されていません" };
  if (s.Status === "exited") return { en: stateText(c), ja: `は終了コード ${s.ExitCode} で終了しています` };
  return { en: stateText(c), ja: `の状態は ${s.Status} です` };
}

/** A hint for a helper's message: English only (then said in English in every locale too) or in every locale. */
export type Hint = string | Said;
const hintIn = (hint: Hint, locale: "en" | "ja"): string => (typeof hint === "string" ? hint : hint[locale]);

/** The containers that exist, as "`name` (command)" for messages (in Japanese "`name`（command）"). */
export async function containerList(engine: CheckEngine, locale: "en" | "ja" = "en"): Promise<string[]> {
  const [open, close] = locale === "ja" ? ["（", "）"] : [" (", ")"];
  return (await engine.containers({ all: true })).map((c) => `\`${c.Names[0].replace(/^\//, "")}\`${open}${c.Command}${close}`);
}

/**
 * The container named `name`, or a failure that says which containers exist instead.
 * `hint` is added to the message (how to create it, or why it may be gone).
 */
export async function container(engine: CheckEngine, name: string, hint: Hint): Promise<ContainerInspect | CheckResult> {
  const c = await engine.container(name);
  if (c && c.Name === `/${name}`) return c;
  const others = await containerList(engine);
  const othersJa = await containerList(engine, "ja");
  const what = others.length ? `the containers are ${others.join(", ")}` : "there are no containers at all";
  const en = hintIn(hint, "en");
  const ja = hintIn(hint, "ja");
  return failed(
    `there is no container named \`${name}\`: ${what}.${en ? " " + en : ""}`,
    `\`${name}\` という名前のコンテナがありません。${othersJa.length ? `あるのは ${othersJa.join("、")}です。` : "ほかのコンテナもありません。"}${ja}`,
  );
}

/** A running container named `name`, or a failure explaining its state. */
export async function running(engine: CheckEngine, name: string, hint: Hint): Promise<ContainerInspect | CheckResult> {
  const c = await container(engine, name, hint);
  if (isResult(c)) return c;
  if (c.State.Running && !c.State.Paused) return c;
  const state = stateSaid(c);
  return failed(
    `container \`${name}\` ${state.en} (its main process is \`${commandOf(c)}\`), expected it to be running`,
    `コンテナ \`${name}\` ${state.ja}（メインプロセスは \`${commandOf(c)}\`）。実行中である必要があります。`,
  );
}

/** An image by reference, or a failure naming the reference. */
export async function image(engine: CheckEngine, ref: string, hint: Hint): Promise<ImageInspect | CheckResult> {
  return (await engine.image(ref)) ?? failed(`there is no image \`${ref}\`. ${hintIn(hint, "en")}`, `イメージ \`${ref}\` がありません。${hintIn(hint, "ja")}`);
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
