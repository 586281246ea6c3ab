/** The progress page: per-lesson status, code and file export/import, set-aside data, reset. */
import { formatDay, pageCopy } from "../copy";
import {
  exportCode,
  exportFile,
  importCode,
  importFile,
  importProgress,
  loadProgress,
  progressStore,
  resetProgress,
  subscribe,
  type DecodeResult,
  type ProgressV1,
} from "../store";
import { lessonProgress } from "../summary";
import { button, copyText, courseIds, datedName, downloadText, part, readCourse, say } from "./common";

const root = document.querySelector<HTMLElement>("ll-progress-page");
if (root) void start(root);

async function start(root: HTMLElement) {
  const all = pageCopy();
  const copy = all.progress;
  const course = readCourse(root);
  const ids = courseIds(course);
  const known = new Set(ids);
  const codeField = root.querySelector<HTMLInputElement>("#ll-code")!;
  let current: ProgressV1 = { version: 1, exercises: {} };

  function render(progress: ProgressV1) {
    current = progress;
    const passed = ids.filter((id) => progress.exercises[id]).length;
    part(root, "summary").textContent = copy.summary(passed, ids.length);
    for (const lesson of course.lessons) {
      const item = root.querySelector<HTMLElement>(`li[data-lesson="${lesson.slug}"]`);
      if (!item || lesson.exercises.length === 0) continue;
      const status = lessonProgress(
        lesson.exercises.map((e) => e.id),
        progress,
      );
      part(item, "lesson-status").textContent = copy.lessonStatus(status.done, status.total);
      item.classList.toggle("ll-complete", status.complete);
      for (const exercise of lesson.exercises) {
        const row = item.querySelector<HTMLElement>(`li[data-exercise="${exercise.id}"]`);
        if (!row) continue;
        const record = progress.exercises[exercise.id];
        row.classList.toggle("ll-passed", Boolean(record));
        part(row, "exercise-status").textContent = record ? copy.passedOn(formatDay(record.date, all)) : copy.notYet;
      }
    }
    const outside = Object.keys(progress.exercises).filter((id) => !known.has(id)).length;
    say(part(root, "outside"), outside ? copy.outside(outside) : "");
    codeField.value = exportCode(progress);
  }

  async function renderSetAside() {
    const entries = await progressStore().setAsideEntries();
    part(root, "set-aside").hidden = entries.length === 0;
    part(root, "set-aside-body").textContent = copy.setAsideBody(entries.length);
  }

  const loaded = await loadProgress();
  render(loaded.progress);
  subscribe(render);
  if (loaded.issue) say(part(root, "notice"), all.issue(loaded.issue), "error");
  await renderSetAside();

  button(root, "copy").addEventListener("click", async () => {
    if (await copyText(codeField)) say(part(root, "copy-result"), copy.copied);
  });
  button(root, "download").addEventListener("click", () => {
    downloadText(datedName("layerlab-progress"), exportFile(current));
  });

  const importResult = part(root, "import-result");
  async function apply(result: DecodeResult) {
    if (!result.ok) {
      say(importResult, all.decodeErrors[result.error], "error");
      return;
    }
    await importProgress(result.progress);
    const n = Object.keys(result.progress.exercises).length + result.unknown;
    say(importResult, copy.imported(n, result.unknown) + (result.newer ? ` ${copy.newer}` : ""));
  }
  const codeForm = part<HTMLFormElement>(root, "import-code");
  const codeInput = root.querySelector<HTMLInputElement>("#ll-import-code")!;
  codeForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void apply(importCode(codeInput.value, ids)).then(() => {
      if (importResult.dataset.tone !== "error") codeInput.value = "";
    });
  });
  // A link such as /progress/#code=1C2F-... fills the field (it is added only on request).
  const fromLink = /^#code=([0-9A-Za-z-]+)$/.exec(location.hash)?.[1];
  if (fromLink) codeInput.value = fromLink;

  const fileInput = part<HTMLInputElement>(root, "import-file");
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    await apply(importFile(await file.text()));
    fileInput.value = "";
  });

  button(root, "set-aside-download").addEventListener("click", async () => {
    const entries = await progressStore().setAsideEntries();
    downloadText(datedName("layerlab-set-aside"), `${JSON.stringify(entries, null, 2)}\n`);
  });
  button(root, "set-aside-discard").addEventListener("click", async () => {
    await progressStore().discardSetAside();
    await renderSetAside();
    say(part(root, "notice"), copy.setAsideDiscarded);
  });

  const resetButton = button(root, "reset");
  const confirm = part(root, "reset-confirm");
  const closeConfirm = () => {
    confirm.hidden = true;
    resetButton.setAttribute("aria-expanded", "false");
    resetButton.focus();
  };
  resetButton.addEventListener("click", () => {
    part(root, "reset-question").textContent = copy.resetConfirm(Object.keys(current.exercises).length);
    confirm.hidden = false;
    resetButton.setAttribute("aria-expanded", "true");
    button(root, "reset-cancel").focus();
  });
  button(root, "reset-cancel").addEventListener("click", closeConfirm);
  confirm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeConfirm();
  });
  button(root, "reset-yes").addEventListener("click", async () => {
    await resetProgress();
    closeConfirm();
    say(part(root, "reset-result"), copy.resetDone);
  });
}
