/**
 * The exercise registry's rules, checked where the site and CI load it: IDs "<lesson>/<name>"
 * in kebab case under their own lesson, unique; a title, a goal, hints, a solution, wrong
 * attempts and checks that are not empty; `real` true or a reason. A broken exercise stops the
 * build with a message that says which one and what is wrong with it.
 */
import { z } from "zod";
import type { Exercise } from "./exercise";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const text = (what: string) => z.string({ error: `${what} must be a string` }).trim().min(1, { error: `${what} must not be empty` });
const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: `${what} must be a list` }).min(1, { error: `needs at least one ${what.replace(/s$/, "")}` });

const setupStep = z.union(
  [
    z.strictObject({ docker: z.array(z.string()).min(1, { error: "a docker step needs its arguments, e.g. [\"run\", ...]" }) }),
    z.strictObject({ file: text("file path").refine((f) => !f.startsWith("/") && !f.split("/").includes(".."), { error: "file path must be relative to the working folder, without .." }), content: z.string() }),
  ],
  { error: 'a setup step is { docker: [...] } or { file: "path", content: "..." }' },
);

const texts = z.strictObject({
  title: text("title"),
  goal: text("goal"),
  hints: list(text("a hint"), "hints"),
  checks: list(text("a check description"), "check descriptions"),
});

export const exerciseSchema = z.strictObject({
  id: z.string().refine((id) => id.split("/").length === 2 && id.split("/").every((p) => KEBAB.test(p)), {
    error: 'id must be "<lesson-slug>/<name>" in kebab case, like "first-container/hello"',
  }),
  title: text("title"),
  goal: text("goal"),
  setup: z.array(setupStep, { error: "setup must be a list (empty when there is nothing to prepare)" }),
  hints: list(text("a hint"), "hints"),
  solution: list(text("a solution line"), "solution lines"),
  wrong: list(z.strictObject({ commands: list(text("a command line"), "command lines"), expect: text("expect") }), "wrong attempts"),
  checks: list(
    z.strictObject({
      description: text("description"),
      run: z.custom<Exercise["checks"][number]["run"]>((v) => typeof v === "function", { error: "run must be a function (engine) => Promise<CheckResult>" }),
    }),
    "checks",
  ),
  real: z.union([z.literal(true), z.strictObject({ reason: text("reason") })], { error: "real must be true or { reason: \"why it is simulator-only\" }" }),
  translations: z.strictObject({ ja: texts.optional() }).optional(),
}).superRefine((ex, ctx) => {
  for (const [locale, t] of Object.entries(ex.translations ?? {})) {
    if (!t) continue;
    if (t.hints.length !== ex.hints.length) ctx.addIssue({ code: "custom", path: ["translations", locale, "hints"], message: `has ${t.hints.length} hints, the English has ${ex.hints.length}` });
    if (t.checks.length !== ex.checks.length) ctx.addIssue({ code: "custom", path: ["translations", locale, "checks"], message: `has ${t.checks.length} check descriptions, the exercise has ${ex.checks.length} checks` });
  }
});

function where(path: PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : (out ? "." : "") + String(p);
  return out;
}

/** Every problem of the registry, one line each (empty when it is valid). */
export function registryProblems(byLesson: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [slug, list] of Object.entries(byLesson)) {
    if (!KEBAB.test(slug)) problems.push(`lesson "${slug}": the key must be the lesson's folder name in kebab case`);
    if (!Array.isArray(list)) {
      problems.push(`lesson "${slug}": expected a list of exercises`);
      continue;
    }
    list.forEach((ex: unknown, i) => {
      const rawId = ex && typeof ex === "object" && typeof (ex as { id?: unknown }).id === "string" ? (ex as { id: string }).id : "";
      const name = rawId ? `exercise "${rawId}"` : `exercise #${i + 1} of lesson "${slug}"`;
      const r = exerciseSchema.safeParse(ex);
      if (!r.success) for (const issue of r.error.issues) problems.push(`${name}: ${issue.path.length ? where(issue.path) + ": " : ""}${issue.message}`);
      if (!rawId) return;
      if (rawId.split("/")[0] !== slug) problems.push(`${name}: the id must start with its lesson "${slug}/"`);
      const other = seen.get(rawId);
      if (other !== undefined) problems.push(`${name}: the id is used twice (lessons "${other}" and "${slug}")`);
      else seen.set(rawId, slug);
    });
  }
  return problems;
}

/** The registry unchanged when it is valid; otherwise an Error listing every problem. */
export function validateRegistry<T extends Record<string, Exercise[]>>(byLesson: T): T {
  const problems = registryProblems(byLesson);
  if (problems.length) throw new Error(`content/exercises.ts: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the exercises:\n${problems.map((p) => "  - " + p).join("\n")}`);
  return byLesson;
}
