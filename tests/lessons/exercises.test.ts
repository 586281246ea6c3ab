/**
 * Every exercise of the course, replayed headless: the solution on a fresh host after setup
 * passes every check; each wrong attempt on a fresh host fails, and the first failing check's
 * message (what the learner is shown) contains the attempt's `expect`. Lesson pages may only
 * name exercises the registry has.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allExercises, exercisesByLesson, findExercise } from "../../content/exercises";
import { JAPANESE } from "../i18n/completeness";
import { replaySolution, replayWrong, type Replay } from "../../simulator/check/runner";

const LESSONS = join(import.meta.dirname, "../../content/lessons");

function transcript(r: Replay): string {
  return r.transcript.map((s) => `$ ${s.line}\n${s.stdout}${s.stderr}[exit ${s.exit}]`).join("\n");
}

function failures(r: Replay): string {
  return r.report.results
    .filter((x) => !x.result.pass)
    .map((x) => `  ✗ ${x.description}: ${x.result.pass ? "" : x.result.message}`)
    .join("\n");
}

describe("exercises: solutions pass, wrong attempts fail with their explanation", () => {
  it("the registry has exercises", () => {
    expect(allExercises.length).toBeGreaterThan(0);
  });

  for (const ex of allExercises) {
    describe(ex.id, () => {
      it("the solution passes every check", async () => {
        const r = await replaySolution(ex);
        const failedLines = r.transcript.filter((s) => s.exit !== 0);
        expect(failedLines, `solution lines failed:\n${transcript(r)}`).toEqual([]);
        expect(r.report.pass, `checks failed after the solution:\n${failures(r)}\n${transcript(r)}`).toBe(true);
      });

      ex.wrong.forEach((w, i) => {
        it(`wrong attempt ${i + 1} fails explaining "${w.expect}"`, async () => {
          const r = await replayWrong(ex, i);
          expect(r.report.pass, `the wrong attempt passes every check:\n${transcript(r)}`).toBe(false);
          expect(r.report.message, `first failure does not explain it:\n${failures(r)}\n${transcript(r)}`).toContain(w.expect);
          expect(r.explained).toBe(true);
          if (ex.translations?.ja) {
            const untranslated = r.report.results.filter(({ result }) => !result.pass && !JAPANESE.test(result.translations?.ja ?? "")).map((x) => x.description);
            expect(untranslated, "failing checks without a Japanese message").toEqual([]);
          }
        });
      });
    });
  }
});

describe("lesson pages and the registry", () => {
  const lessons = readdirSync(LESSONS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(LESSONS, d.name, "index.mdx")))
    .map((d) => d.name);

  it("every <Exercise id=.../> on a lesson page is registered, under that lesson", () => {
    const problems: string[] = [];
    for (const slug of lessons) {
      for (const file of readdirSync(join(LESSONS, slug)).filter((f) => f.endsWith(".mdx"))) {
        const mdx = readFileSync(join(LESSONS, slug, file), "utf8");
        for (const m of mdx.matchAll(/<Exercise\s+id=["']([^"']+)["']/g)) {
          const id = m[1];
          if (!findExercise(id)) problems.push(`content/lessons/${slug}/${file}: <Exercise id="${id}" /> is not in content/exercises.ts`);
          else if (!exercisesByLesson[slug]?.some((e) => e.id === id)) problems.push(`content/lessons/${slug}/${file}: <Exercise id="${id}" /> belongs to another lesson`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("every registered lesson has a page, and lessons with fewer than two exercises are reported", () => {
    expect(Object.keys(exercisesByLesson).filter((slug) => !lessons.includes(slug))).toEqual([]);
    const few = lessons.filter((slug) => (exercisesByLesson[slug]?.length ?? 0) < 2);
    if (few.length) console.warn(`lessons with fewer than 2 exercises: ${few.map((s) => `${s} (${exercisesByLesson[s]?.length ?? 0})`).join(", ")}`);
  });
});
