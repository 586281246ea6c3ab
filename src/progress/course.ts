/**
 * The course as the progress pages need it, computed at build time: lessons in order with their
 * exercise ids and titles. Pages render it into their HTML (see `courseData`), so the browser
 * needs none of the exercise definitions to show progress.
 */
import { exercisesByLesson } from "../../content/exercises";
import { listLessons, type SiteLocale } from "../lessons/catalog";

export interface CourseExercise {
  id: string;
  title: string;
}

export interface CourseLesson {
  slug: string;
  title: string;
  href: string;
  order: number;
  /** False when the lesson is shown in English on a Japanese page. */
  translated: boolean;
  exercises: CourseExercise[];
}

export async function loadCourse(locale: SiteLocale): Promise<CourseLesson[]> {
  const lessons = await listLessons(locale);
  return lessons.map((lesson) => ({
    slug: lesson.slug,
    title: lesson.title,
    href: lesson.href,
    order: lesson.order,
    translated: lesson.translated,
    exercises: (exercisesByLesson[lesson.slug] ?? []).map((e) => ({ id: e.id, title: e.title })),
  }));
}

/** What the browser gets: lesson slug, title and exercise ids, as JSON in a data attribute. */
export interface CourseData {
  lessons: { slug: string; title: string; href: string; exercises: CourseExercise[] }[];
}

export function courseData(lessons: CourseLesson[]): string {
  const data: CourseData = {
    lessons: lessons.map(({ slug, title, href, exercises }) => ({ slug, title, href, exercises })),
  };
  return JSON.stringify(data);
}

export function exerciseIdsOf(slug: string): string[] {
  return (exercisesByLesson[slug] ?? []).map((e) => e.id);
}
