/**
 * The saved shape of a learner's progress. It is versioned: a future shape gets version 2 and a
 * migration in store.ts, and a saved entry is always validated before it is used.
 */
import * as z from "zod/mini";

/** A calendar day in the learner's own time zone, "YYYY-MM-DD". */
export const dayPattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const day = z.string().check(z.regex(dayPattern));

/** One passed exercise: the day it was first passed. */
export const exerciseRecordSchema = z.object({ date: day });

/** An exercise id as in content/exercises.ts: "<lesson-slug>/<name>". */
export const exerciseIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const progressV1Schema = z.object({
  version: z.literal(1),
  /** Passed exercises by id. Only passes are kept: failing is part of learning, not a record. */
  exercises: z.record(z.string().check(z.regex(exerciseIdPattern)), exerciseRecordSchema),
});

export type ExerciseRecord = z.infer<typeof exerciseRecordSchema>;
export type ProgressV1 = z.infer<typeof progressV1Schema>;

export function emptyProgress(): ProgressV1 {
  return { version: 1, exercises: {} };
}

/** Today's date in the learner's time zone, as stored. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Both progress records together: every exercise either passed, with the earlier date. */
export function mergeProgress(a: ProgressV1, b: ProgressV1): ProgressV1 {
  const exercises: Record<string, ExerciseRecord> = { ...a.exercises };
  for (const [id, record] of Object.entries(b.exercises)) {
    const mine = exercises[id];
    exercises[id] = mine && mine.date <= record.date ? mine : { date: record.date };
  }
  return { version: 1, exercises };
}
