/**
 * The lessons part of the sidebar, built when the site config loads: one link per lesson folder
 * in content/lessons/, in the order given by each lesson's `order` frontmatter field.
 *
 * Starlight's `autogenerate` is not used: it turns folders into nested groups (one group per
 * lesson folder here) and orders by file paths. Links by slug are localized by Starlight: on
 * /ja/ pages they point to /ja/lessons/<slug>/ and use the Japanese title when a translation exists.
 * Build-time only (Node).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { lessonFileFields } from "./frontmatter";

export interface LessonFile {
  slug: string;
  path: string;
  order: number;
  title: string;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The YAML between the opening and closing `---` lines, or undefined without frontmatter. */
export function frontmatterOf(source: string): string | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(source);
  return match?.[1];
}

/** Reads and checks every content/lessons/<slug>/index.md(x); throws one error listing all problems. */
export function readLessonFiles(lessonsDir: string): LessonFile[] {
  if (!existsSync(lessonsDir)) return [];
  const lessons: LessonFile[] = [];
  const problems: string[] = [];
  for (const entry of readdirSync(lessonsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    const file = ["index.mdx", "index.md"].map((name) => join(lessonsDir, entry.name, name)).find(existsSync);
    if (!file) {
      problems.push(`${entry.name}/: no index.mdx`);
      continue;
    }
    if (!slugPattern.test(entry.name)) problems.push(`${entry.name}/: folder names are lowercase words joined by "-"`);
    let data: unknown;
    try {
      data = parseYaml(frontmatterOf(readFileSync(file, "utf8")) ?? "");
    } catch (error) {
      problems.push(`${file}: frontmatter is not valid YAML (${(error as Error).message})`);
      continue;
    }
    const title = (data as { title?: unknown } | null)?.title;
    const parsed = lessonFileFields.safeParse(data ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join(".") || "frontmatter"}: ${issue.message}`);
      continue;
    }
    if (typeof title !== "string" || title.trim() === "") {
      problems.push(`${file}: title: a lesson needs a title`);
      continue;
    }
    lessons.push({ slug: entry.name, path: file, order: parsed.data.order, title });
  }
  const bySlugOrder = new Map<number, string>();
  for (const lesson of lessons) {
    const other = bySlugOrder.get(lesson.order);
    if (other) problems.push(`lessons ${other} and ${lesson.slug} both have order ${lesson.order}`);
    bySlugOrder.set(lesson.order, lesson.slug);
  }
  if (problems.length > 0) throw new Error(`Lesson frontmatter problems:\n  ${problems.join("\n  ")}`);
  return lessons.sort((a, b) => a.order - b.order);
}

/** Starlight sidebar items for the lessons, in course order. */
export function lessonSidebarItems(lessonsDir: string): string[] {
  return readLessonFiles(lessonsDir).map((lesson) => `lessons/${lesson.slug}`);
}
