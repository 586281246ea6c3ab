/** The completion report: fills in dates from the stored progress and the learner's name. */
import { formatDay, pageCopy } from "../copy";
import { localDay } from "../schema";
import { exportCode, loadProgress, subscribe, type ProgressV1 } from "../store";
import { lessonProgress } from "../summary";
import { button, part, readCourse } from "./common";

/** The name is the learner's own: kept in this browser (localStorage), never sent anywhere. */
export const nameKey = "layerlab-report-name";

const root = document.querySelector<HTMLElement>("ll-report-page");
if (root) void start(root);

async function start(root: HTMLElement) {
  const all = pageCopy();
  const copy = all.report;
  const course = readCourse(root);
  const nameInput = root.querySelector<HTMLInputElement>("#ll-report-name")!;

  const showName = () => {
    part(root, "name").textContent = nameInput.value.trim() || copy.noName;
  };
  try {
    nameInput.value = localStorage.getItem(nameKey) ?? "";
  } catch {
    // Storage refused: the name still shows on the report for this visit.
  }
  showName();
  nameInput.addEventListener("input", () => {
    showName();
    try {
      if (nameInput.value.trim()) localStorage.setItem(nameKey, nameInput.value);
      else localStorage.removeItem(nameKey);
    } catch {
      // As above.
    }
  });
  part(root, "issued").textContent = formatDay(localDay(), all);
  button(root, "print").addEventListener("click", () => window.print());

  function render(progress: ProgressV1) {
    let lessonsDone = 0;
    let done = 0;
    let total = 0;
    for (const lesson of course.lessons) {
      const group = root.querySelector<HTMLElement>(`tbody[data-lesson="${lesson.slug}"]`);
      if (!group) continue;
      const status = lessonProgress(
        lesson.exercises.map((e) => e.id),
        progress,
      );
      if (status.complete) lessonsDone++;
      done += status.done;
      total += status.total;
      part(group, "lesson-complete").hidden = !status.complete;
      for (const exercise of lesson.exercises) {
        const row = group.querySelector<HTMLElement>(`tr[data-exercise="${exercise.id}"]`);
        if (!row) continue;
        const record = progress.exercises[exercise.id];
        row.classList.toggle("ll-passed", Boolean(record));
        part(row, "date").textContent = record ? formatDay(record.date, all) : copy.notPassed;
      }
    }
    part(root, "summary").textContent = copy.summary(lessonsDone, course.lessons.length, done, total);
    part(root, "code").textContent = exportCode(progress);
  }

  render((await loadProgress()).progress);
  subscribe(render);
}
