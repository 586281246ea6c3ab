/**
 * The first-load part of exercises and click-to-run blocks: one click listener for the page.
 * Hints, the solution and copying work at once; everything that needs a simulated host (start,
 * check, undo, reset, run) loads runtime.ts, xterm and the simulator on first use.
 */
type Runtime = typeof import("./runtime");

let runtime: Promise<Runtime> | undefined;

function loadRuntime(section: HTMLElement | null): Promise<Runtime> {
  runtime ??= import("./runtime");
  runtime.catch(() => {
    runtime = undefined;
    const status = section?.querySelector<HTMLElement>("[data-status]");
    if (status && section) status.textContent = section.dataset.loadFailed ?? "";
  });
  return runtime;
}

/** Shows the next hint; once all are shown the button goes and focus moves to the last hint. */
function revealHint(section: HTMLElement, button: HTMLButtonElement): void {
  const hidden = [...section.querySelectorAll<HTMLElement>("[data-hints] > li[hidden]")];
  const next = hidden[0];
  if (!next) return;
  next.hidden = false;
  const after = hidden[1];
  if (after) {
    button.textContent = after.dataset.nextLabel ?? button.textContent;
  } else {
    button.hidden = true;
    next.focus();
  }
}

function toggleSolution(button: HTMLButtonElement): void {
  const panel = document.getElementById(button.getAttribute("aria-controls") ?? "");
  if (!panel) return;
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  button.textContent = (open ? button.dataset.hideLabel : button.dataset.showLabel) ?? button.textContent;
  panel.hidden = !open;
}

async function copy(button: HTMLButtonElement, text: string): Promise<void> {
  const status = button.closest(".ll-real")?.querySelector<HTMLElement>("[data-copy-status]");
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = status.dataset.copied ?? "";
  } catch {
    // No clipboard access (an insecure origin, a refused permission): select the text instead.
    const code = button.parentElement?.querySelector("code");
    if (code) getSelection()?.selectAllChildren(code);
    if (status) status.textContent = status.dataset.copyFailed ?? "";
  }
}

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>("button") : null;
  if (!button) return;
  const section = button.closest<HTMLElement>(".ll-exercise[data-exercise]");
  const { run, copy: copyText, action } = button.dataset;
  if (run !== undefined) {
    void loadRuntime(section).then((r) => r.runCommand(run, section));
  } else if (copyText !== undefined) {
    void copy(button, copyText);
  } else if (section && action === "hint") {
    revealHint(section, button);
  } else if (section && action === "solution") {
    toggleSolution(button);
  } else if (section && (action === "start" || action === "check" || action === "undo" || action === "reset")) {
    void loadRuntime(section).then((r) => r.exerciseAction(action, section));
  }
});
