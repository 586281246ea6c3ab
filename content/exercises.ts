/**
 * Every exercise of the course, by lesson. The workbook, the headless replay in CI and the
 * verify CLI all read this list. Add a lesson's exercises here when the lesson gets them.
 */
import type { Exercise } from "../simulator/check/exercise";

export const exercisesByLesson: Record<string, Exercise[]> = {};

export const allExercises: Exercise[] = Object.values(exercisesByLesson).flat();

export function findExercise(id: string): Exercise | undefined {
  return allExercises.find((e) => e.id === id);
}
