/** Progress per lesson, from the passed exercises: shared by every page that shows progress. */
import type { ProgressV1 } from "./schema";

export interface LessonProgress {
  done: number;
  total: number;
  /** Every exercise passed (false for a lesson without exercises). */
  complete: boolean;
  /** The day the last of its passed exercises was first passed. */
  lastDate: string | undefined;
}

export function lessonProgress(exerciseIds: readonly string[], progress: ProgressV1): LessonProgress {
  let done = 0;
  let lastDate: string | undefined;
  for (const id of exerciseIds) {
    const record = progress.exercises[id];
    if (!record) continue;
    done++;
    if (!lastDate || record.date > lastDate) lastDate = record.date;
  }
  return { done, total: exerciseIds.length, complete: exerciseIds.length > 0 && done === exerciseIds.length, lastDate };
}
