/** The class roll-up as data: pasted lines in, one row per learner out. Pure, tested. */
import { decodeProgressCode, type DecodeError } from "./code";
import type { ProgressV1 } from "./schema";
import { lessonProgress, type LessonProgress } from "./summary";

export interface RollUpLesson {
  slug: string;
  exercises: { id: string }[];
}

export interface RollUpRow {
  /** The name before the colon, if the line had one. */
  name: string | undefined;
  line: number;
  progress: ProgressV1;
  lessons: LessonProgress[];
  done: number;
  total: number;
  unknown: number;
}

export interface RollUp {
  rows: RollUpRow[];
  problems: { line: number; error: DecodeError }[];
}

/**
 * Reads pasted lines: "code" or "name: code" (a full-width colon too), blank lines skipped.
 * A code never contains a colon, so the last colon separates the name.
 */
export function rollUp(text: string, lessons: readonly RollUpLesson[]): RollUp {
  const ids = lessons.flatMap((lesson) => lesson.exercises.map((e) => e.id));
  const rows: RollUpRow[] = [];
  const problems: RollUp["problems"] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const colon = Math.max(line.lastIndexOf(":"), line.lastIndexOf("："));
    const name = colon >= 0 ? line.slice(0, colon).trim() || undefined : undefined;
    const code = colon >= 0 ? line.slice(colon + 1) : line;
    const result = decodeProgressCode(code, ids);
    if (!result.ok) {
      problems.push({ line: i + 1, error: result.error });
      return;
    }
    const perLesson = lessons.map((lesson) =>
      lessonProgress(
        lesson.exercises.map((e) => e.id),
        result.progress,
      ),
    );
    rows.push({
      name,
      line: i + 1,
      progress: result.progress,
      lessons: perLesson,
      done: perLesson.reduce((sum, l) => sum + l.done, 0),
      total: perLesson.reduce((sum, l) => sum + l.total, 0),
      unknown: result.unknown,
    });
  });
  return { rows, problems };
}
