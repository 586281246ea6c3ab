/**
 * What a translated lesson must keep from its English source, and which links a translated page
 * may hold. Pure functions over MDX text; tests/i18n/completeness.test.ts applies them to the
 * course (see TRANSLATING.md).
 */
import { parse as parseYaml } from "yaml";
import type { Exercise, Translated } from "../../simulator/check/exercise";

export interface LessonSkeleton {
  /** `<Exercise id="…">` ids, in page order. */
  exercises: string[];
  /** The text between `<Run>` and `</Run>`, exactly as written, in page order. */
  runs: string[];
  /** Every ```console block (also those marked, like ```console replay=simulator), fences included, byte for byte, in page order. */
  consoles: string[];
  /** Frontmatter fields a translation copies unchanged. */
  fixed: { order: unknown; minutes: unknown; prerequisites: unknown };
  /** Number of objectives (a translation translates each one). */
  objectives: number;
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

export function skeleton(mdx: string): LessonSkeleton {
  const fm = FRONTMATTER.exec(mdx);
  const data = (fm ? parseYaml(fm[1]!) : {}) as Record<string, unknown>;
  return {
    exercises: [...mdx.matchAll(/<Exercise\s+id="([^"]+)"/g)].map((m) => m[1]!),
    runs: [...mdx.matchAll(/<Run>([\s\S]*?)<\/Run>/g)].map((m) => m[1]!),
    consoles: [...mdx.matchAll(/^```console(?:[ \t][^\n]*)?\n[\s\S]*?^```$/gm)].map((m) => m[0]),
    fixed: {
      order: data.order ?? null,
      minutes: data.minutes ?? null,
      prerequisites: data.prerequisites ?? [],
    },
    objectives: Array.isArray(data.objectives) ? data.objectives.length : 0,
  };
}

function firstDifference(a: string[], b: string[]): string | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (s: string | undefined) => (s === undefined ? "(nothing)" : JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s));
      return `#${i + 1}: English ${show(a[i])}, translation ${show(b[i])}`;
    }
  }
  return null;
}

/** Differences between an English lesson and its translation that the translation must not have. */
export function compareLessons(english: string, translated: string): string[] {
  const en = skeleton(english);
  const tr = skeleton(translated);
  const problems: string[] = [];
  const exA = [...en.exercises].sort();
  const exB = [...tr.exercises].sort();
  if (JSON.stringify(exA) !== JSON.stringify(exB)) {
    problems.push(`<Exercise> ids differ: English [${exA.join(", ")}], translation [${exB.join(", ")}]`);
  }
  const run = firstDifference(en.runs, tr.runs);
  if (run) problems.push(`<Run> commands differ (${en.runs.length} in English, ${tr.runs.length} translated) at ${run}`);
  const con = firstDifference(en.consoles, tr.consoles);
  if (con) problems.push(`console blocks differ (${en.consoles.length} in English, ${tr.consoles.length} translated) at ${con}`);
  for (const key of ["order", "minutes", "prerequisites"] as const) {
    if (JSON.stringify(en.fixed[key]) !== JSON.stringify(tr.fixed[key])) {
      problems.push(`frontmatter ${key} differs: English ${JSON.stringify(en.fixed[key])}, translation ${JSON.stringify(tr.fixed[key])}`);
    }
  }
  if (en.objectives !== tr.objectives) {
    problems.push(`objectives: ${en.objectives} in English, ${tr.objectives} translated`);
  }
  return problems;
}

/** Root-relative link targets of a page (Markdown links and href attributes), outside code. */
export function rootLinks(mdx: string): string[] {
  const prose = mdx
    .replace(/^```[\s\S]*?^```$/gm, "")
    .replace(/`[^`\n]*`/g, "");
  const links = [
    ...[...prose.matchAll(/\]\((\/[^)\s]*)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/href=["'{]*(\/[^"'}\s]*)/g)].map((m) => m[1]!),
  ];
  return links;
}

/** Links of a page in `locale` that lead out of that locale (to English pages). */
export function linksOutOfLocale(mdx: string, locale: string): string[] {
  return rootLinks(mdx).filter((href) => href !== `/${locale}` && !href.startsWith(`/${locale}/`));
}

/** Lesson slugs a page in `locale` links to (`/<locale>/lessons/<slug>/`). */
export function linkedLessons(mdx: string, locale: string): string[] {
  const prefix = `/${locale}/lessons/`;
  return rootLinks(mdx)
    .filter((href) => href.startsWith(prefix))
    .map((href) => href.slice(prefix.length).split(/[/#?]/)[0]!)
    .filter((slug) => slug.length > 0);
}

/** Kana or kanji: a text that has them is written in Japanese. */
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Inline code spans, which stay as they are in every locale. */
const codeSpans = (text: string) => [...text.matchAll(/`[^`]*`/g)].map((m) => m[0]).sort();

/**
 * What is wrong with an exercise's texts in `locale` (none when it has no translation yet):
 * the title, goal and check descriptions must be in Japanese; a hint may instead be the English
 * hint unchanged when that is code only (a command to type). Each translated text keeps the
 * English text's inline code spans.
 */
export function exerciseTextProblems(ex: Exercise, locale: Translated): string[] {
  const t = ex.translations?.[locale];
  if (!t) return [];
  const problems: string[] = [];
  const pairs: [string, string, string][] = [
    ["title", ex.title, t.title],
    ["goal", ex.goal, t.goal],
    ...ex.checks.map((c, i): [string, string, string] => [`check ${i + 1}`, c.description, t.checks[i] ?? ""]),
    ...ex.hints.map((h, i): [string, string, string] => [`hint ${i + 1}`, h, t.hints[i] ?? ""]),
  ];
  for (const [what, english, translated] of pairs) {
    const codeOnly = english.replace(/`[^`]*`/g, "").trim() === "";
    if (codeOnly ? translated !== english && !JAPANESE.test(translated) : !JAPANESE.test(translated)) problems.push(`${ex.id}: ${what} is not in ${locale}: ${JSON.stringify(translated)}`);
    const missing = codeSpans(english).filter((span) => !translated.includes(span));
    if (missing.length > 0) problems.push(`${ex.id}: ${what} lacks the code of the English text: ${missing.join(" ")}`);
  }
  return problems;
}
