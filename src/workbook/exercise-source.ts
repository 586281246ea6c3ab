/**
 * Exercise definitions in the browser. content/exercises.ts (the registry) validates every
 * exercise with zod when it loads, which is right for the build and the tests but brings zod, and
 * its `Function` probe that the CSP reports, into the page. Every lesson keeps its exercises in
 * content/lessons/<slug>/exercises.ts (default export), so the page loads just that module, as its
 * own chunk, when an exercise starts.
 */
import type { Exercise } from "../../simulator/check/exercise";

const lessonModules = import.meta.glob<{ default: Exercise[] }>("../../content/lessons/*/exercises.ts");

export async function loadExercise(id: string): Promise<Exercise> {
  const slug = id.split("/")[0] ?? "";
  const load = lessonModules[`../../content/lessons/${slug}/exercises.ts`];
  const exercise = load ? (await load()).default.find((e) => e.id === id) : undefined;
  if (!exercise) throw new Error(`no exercise ${id} in content/lessons/${slug}/exercises.ts`);
  return exercise;
}
