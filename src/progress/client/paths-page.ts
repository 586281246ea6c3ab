/** Course paths: marks each lesson's progress and fills each path's meter. */
import { pageCopy } from "../copy";
import { loadProgress, subscribe, type ProgressV1 } from "../store";
import { lessonProgress } from "../summary";
import { part, readCourse } from "./common";

const root = document.querySelector<HTMLElement>("ll-paths-page");
if (root) void start(root);

async function start(root: HTMLElement) {
  const all = pageCopy();
  const copy = all.paths;
  const course = readCourse(root);
  const bySlug = new Map(course.lessons.map((lesson) => [lesson.slug, lesson]));

  function render(progress: ProgressV1) {
    for (const section of root.querySelectorAll<HTMLElement>("section[data-path]")) {
      const steps = section.querySelectorAll("li").length;
      let done = 0;
      for (const item of section.querySelectorAll<HTMLElement>("li[data-lesson]")) {
        const lesson = bySlug.get(item.dataset.lesson ?? "");
        if (!lesson) continue;
        const status = lessonProgress(
          lesson.exercises.map((e) => e.id),
          progress,
        );
        if (status.complete) done++;
        item.classList.toggle("ll-complete", status.complete);
        part(item, "status").textContent =
          status.total === 0
            ? `(${all.progress.noExercises})`
            : status.complete
              ? `(${copy.lessonComplete})`
              : `(${all.progress.lessonStatus(status.done, status.total)})`;
      }
      part<HTMLProgressElement>(section, "meter").value = done;
      part(section, "count").textContent = copy.complete(done, steps);
    }
  }

  render((await loadProgress()).progress);
  subscribe(render);
}
