/**
 * The workbook in the page, loaded on first use: binds exercises to the lesson terminal. One
 * exercise at a time has the terminal; each started exercise keeps its own host (and undo stack)
 * while another one is active. After every command on the active exercise's host, the state is
 * saved for undo and the checks run.
 */
import "../terminal/slices";
import { createHost, type Host } from "../../simulator/host/host";
import { loadExercise } from "./exercise-source";
import { ExerciseView } from "./exercise-view";
import { LessonTerminal, type CommandDone, type PanelContext } from "./lesson-terminal";
import { workbookLocale, workbookStrings } from "./strings";
import { Workspace } from "./workspace";

const locale = workbookLocale(document.documentElement.lang);
const strings = workbookStrings[locale];

interface Started {
  view: ExerciseView;
  workspace: Workspace;
  /** Checks and state saves, one after the other. */
  queue: Promise<unknown>;
}

const views = new WeakMap<HTMLElement, ExerciseView>();
const started = new Map<string, Promise<Started>>();
let active: Started | undefined;
let terminal: LessonTerminal | undefined;
/** The host click-to-run commands use while no exercise is active. */
let lessonHost: Host | undefined;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function viewOf(section: HTMLElement): ExerciseView {
  let view = views.get(section);
  if (!view) {
    view = new ExerciseView(section, strings, locale);
    views.set(section, view);
  }
  return view;
}

function contextOf(entry: Started | undefined, notice?: string): PanelContext {
  return entry
    ? { exerciseTitle: entry.view.title, exerciseAnchor: entry.view.section.id || null, notice }
    : { exerciseTitle: null, exerciseAnchor: null, notice };
}

/** Shows `host` in the lesson terminal, making the panel on first use. */
async function show(host: Host, context: PanelContext): Promise<LessonTerminal> {
  if (!terminal) {
    terminal = new LessonTerminal(host, context, strings, locale);
    terminal.onCommandDone(commandDone);
  }
  await terminal.attach(host, context);
  return terminal;
}

function enqueue(entry: Started, task: () => Promise<void>): Promise<void> {
  const next = entry.queue.then(task, task);
  entry.queue = next.catch(() => undefined);
  return next;
}

async function report(entry: Started, explain: boolean): Promise<void> {
  const result = await entry.workspace.check();
  if (entry.view.showReport(result, explain)) {
    entry.view.status(strings.passed);
    // The progress store is its own chunk, loaded with the first pass.
    void import("./progress-bridge").then((bridge) => bridge.recordPass(entry.view.id)).catch(() => undefined);
  }
}

function commandDone(done: CommandDone): void {
  const entry = active;
  if (!entry || done.host !== entry.workspace.host || done.line.trim() === "") return;
  void enqueue(entry, async () => {
    // a reset or undo may have replaced the host while this waited
    if (done.host !== entry.workspace.host) return;
    entry.workspace.commandDone();
    entry.view.setUndo(entry.workspace.canUndo);
    await report(entry, true);
  });
}

/** The exercise's started state: its workspace is prepared on first use. */
function startedOf(section: HTMLElement): Promise<Started> {
  const view = viewOf(section);
  let entry = started.get(view.id);
  if (!entry) {
    entry = loadExercise(view.id)
      .then((exercise) => Workspace.open(exercise))
      .then((workspace) => ({ view, workspace, queue: Promise.resolve() }));
    entry.catch(() => started.delete(view.id));
    started.set(view.id, entry);
  }
  return entry;
}

/** Gives the exercise the terminal (preparing it the first time). */
async function activate(section: HTMLElement): Promise<Started> {
  const view = viewOf(section);
  if (active?.view === view) return active;
  const first = !started.has(view.id);
  view.setBusy(true);
  if (first) view.status(strings.preparing);
  try {
    const entry = await startedOf(section);
    if (active && active !== entry) active.view.setMode("paused");
    active = entry;
    view.setMode("active");
    view.setUndo(entry.workspace.canUndo);
    await show(entry.workspace.host, contextOf(entry, strings.notice.exercise(view.title)));
    revealAbovePanel(view.section);
    if (first) {
      view.status(strings.started(entry.workspace.exercise.checks.length));
      await enqueue(entry, () => report(entry, false));
    }
    return entry;
  } catch (error) {
    view.status(strings.failedToStart(errorText(error)));
    throw error;
  } finally {
    view.setBusy(false);
  }
}

/** Scrolls the exercise into view when the docked terminal (or the window edge) hides part of it. */
function revealAbovePanel(section: HTMLElement): void {
  const top = section.getBoundingClientRect().top;
  const bottom = section.querySelector("[data-results]")?.getBoundingClientRect().bottom ?? top;
  const visibleBottom = terminal?.panel.getBoundingClientRect().top ?? window.innerHeight;
  if (top < 0 || bottom > visibleBottom) section.scrollIntoView({ block: "start" });
}

export async function exerciseAction(action: "start" | "check" | "undo" | "reset", section: HTMLElement): Promise<void> {
  const entry = await activate(section);
  const { view, workspace } = entry;
  switch (action) {
    case "start":
      await terminal?.focus();
      return;
    case "check":
      view.status(strings.checking);
      await enqueue(entry, () => report(entry, true));
      return;
    case "reset":
      await enqueue(entry, async () => {
        const host = workspace.reset();
        await show(host, contextOf(entry, strings.notice.reset));
        view.setUndo(workspace.canUndo);
        view.status(strings.resetDone);
        await report(entry, false);
      });
      return;
    case "undo":
      await enqueue(entry, async () => {
        const host = workspace.undo();
        if (!host) {
          view.status(strings.nothingToUndo);
          return;
        }
        await show(host, contextOf(entry, strings.notice.undo));
        view.setUndo(workspace.canUndo);
        view.status(strings.undoDone);
        await report(entry, false);
      });
      return;
  }
}

/**
 * A click-to-run command. From an exercise's solution it runs on that exercise's host; from the
 * prose, on the host the terminal shows (a plain lesson host if no exercise was started).
 */
export async function runCommand(line: string, section: HTMLElement | null): Promise<void> {
  if (section) await activate(section);
  else if (!terminal) {
    lessonHost ??= createHost();
    await show(lessonHost, contextOf(undefined));
  }
  await terminal?.run(line);
}
