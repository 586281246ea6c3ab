/**
 * The course as a list: every lesson in content/lessons/, in frontmatter order, with the title in
 * the requested language where a translation exists (content/ja/lessons/<slug>/).
 */
import { getCollection } from "astro:content";

export type SiteLocale = "en" | "ja";

export interface LessonSummary {
  slug: string;
  title: string;
  description: string | undefined;
  minutes: number | undefined;
  order: number;
  href: string;
  /** False when the lesson is shown in English on a Japanese page. */
  translated: boolean;
}

const lessonId = /^(?:(ja)\/)?lessons\/([^/]+)$/;

export async function listLessons(locale: SiteLocale): Promise<LessonSummary[]> {
  const entries = await getCollection("docs", ({ data }) => !data.draft || import.meta.env.DEV);
  const lessons = new Map<string, LessonSummary>();
  const translations = new Map<string, { title: string; description: string | undefined }>();
  for (const entry of entries) {
    const match = lessonId.exec(entry.id);
    const slug = match?.[2];
    if (!match || !slug) continue;
    if (match[1] === "ja") {
      translations.set(slug, { title: entry.data.title, description: entry.data.description });
      continue;
    }
    lessons.set(slug, {
      slug,
      title: entry.data.title,
      description: entry.data.description,
      minutes: entry.data.minutes,
      order: entry.data.order ?? Number.MAX_SAFE_INTEGER,
      href: `${locale === "ja" ? "/ja" : ""}/lessons/${slug}/`,
      translated: locale === "en",
    });
  }
  if (locale === "ja") {
    for (const [slug, translation] of translations) {
      const lesson = lessons.get(slug);
      if (lesson) Object.assign(lesson, translation, { translated: true });
    }
  }
  return [...lessons.values()].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}
