/** Helpers shared by the progress pages' scripts. */
import type { CourseData } from "../course";
import { localDay } from "../schema";

/** The course a page rendered into its root element's data-course attribute. */
export function readCourse(root: HTMLElement): CourseData {
  return JSON.parse(root.dataset.course ?? '{"lessons":[]}') as CourseData;
}

export function courseIds(course: CourseData): string[] {
  return course.lessons.flatMap((lesson) => lesson.exercises.map((e) => e.id));
}

export function part<T extends HTMLElement = HTMLElement>(root: ParentNode, role: string): T {
  const element = root.querySelector<T>(`[data-role="${role}"]`);
  if (!element) throw new Error(`missing [data-role=${role}]`);
  return element;
}

export function button(root: ParentNode, action: string): HTMLButtonElement {
  const element = root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  if (!element) throw new Error(`missing button ${action}`);
  return element;
}

/** Shows a message in a status element (or hides it when `text` is empty). */
export function say(element: HTMLElement, text: string, tone: "info" | "error" = "info") {
  element.textContent = text;
  element.hidden = text === "";
  element.dataset.tone = tone;
}

/** Offers `text` as a file download; everything stays in the browser. */
export function downloadText(name: string, text: string, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function datedName(stem: string): string {
  return `${stem}-${localDay()}.json`;
}

/**
 * Copies text to the clipboard. The Clipboard API needs a secure context, which a site served
 * from a laptop over plain http on a LAN is not, so the input is selected for copying by hand.
 */
export async function copyText(input: HTMLInputElement): Promise<boolean> {
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    return false;
  }
}
