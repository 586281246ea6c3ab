/** The lesson page's progress summary under the title: "2 of 3 exercises passed". */
import { loadProgress, subscribe, type ProgressV1 } from "../store";
import { lessonProgress } from "../summary";

const badge = document.querySelector<HTMLElement>("[data-ll-lesson-badge]");
if (badge) {
  const ids = (badge.dataset.exercises ?? "").split(" ").filter(Boolean);
  const texts = JSON.parse(badge.dataset.texts ?? "[]") as string[];
  const text = badge.querySelector<HTMLElement>("[data-role=text]")!;
  const render = (progress: ProgressV1) => {
    const status = lessonProgress(ids, progress);
    text.textContent = texts[status.done] ?? "";
    badge.classList.toggle("ll-complete", status.complete);
    badge.hidden = false;
  };
  void loadProgress().then(({ progress }) => {
    render(progress);
    subscribe(render);
  });
}
