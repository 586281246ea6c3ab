/**
 * What an exercise section shows once it runs: control states, the status line, the failure
 * message and each check's state. Text changes only when it differs, so the live region speaks
 * only when something changed.
 */
import type { Locale } from "../../simulator/check/exercise";
import { reportMessage, type CheckReport } from "../../simulator/check/runner";
import { inlineSegments } from "./inline";
import type { WorkbookStrings } from "./strings";

function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Replaces `node`'s content with text and <code> elements for inline `code`. */
function setInline(node: HTMLElement, text: string): void {
  if (node.dataset.source === text) return;
  node.dataset.source = text;
  node.replaceChildren(
    ...inlineSegments(text).map((segment) => {
      if (!segment.code) return segment.text;
      const code = document.createElement("code");
      code.textContent = segment.text;
      return code;
    }),
  );
}

export type ExerciseMode = "idle" | "active" | "paused";

export class ExerciseView {
  readonly id: string;
  readonly #start: HTMLButtonElement;
  readonly #others: HTMLButtonElement[];
  readonly #undo: HTMLButtonElement;
  readonly #status: HTMLElement;
  readonly #message: HTMLElement;
  readonly #checks: HTMLElement;
  /** Whether the last report passed (to announce a pass once). */
  passed = false;

  constructor(
    readonly section: HTMLElement,
    private readonly strings: WorkbookStrings,
    private readonly locale: Locale,
  ) {
    const q = <T extends HTMLElement>(selector: string) => {
      const found = section.querySelector<T>(selector);
      if (!found) throw new Error(`exercise ${section.dataset.exercise}: missing ${selector}`);
      return found;
    };
    this.id = section.dataset.exercise ?? "";
    this.#start = q('[data-action="start"]');
    this.#undo = q('[data-action="undo"]');
    this.#others = [q('[data-action="check"]'), this.#undo, q('[data-action="reset"]')];
    this.#status = q("[data-status]");
    this.#message = q("[data-message]");
    this.#checks = q("[data-checks]");
  }

  get title(): string {
    return this.section.dataset.title ?? this.id;
  }

  /** "active": this exercise has the terminal; "paused": it was started, another one has it. */
  setMode(mode: ExerciseMode): void {
    this.section.dataset.mode = mode;
    setText(this.#start, mode === "active" ? this.strings.toTerminal : mode === "paused" ? this.strings.resume : this.strings.start);
    for (const button of this.#others) button.hidden = mode === "idle";
  }

  setUndo(available: boolean): void {
    this.#undo.setAttribute("aria-disabled", String(!available));
  }

  setBusy(busy: boolean): void {
    if (busy) this.section.setAttribute("aria-busy", "true");
    else this.section.removeAttribute("aria-busy");
  }

  status(text: string): void {
    setText(this.#status, text);
  }

  /**
   * Shows a report: each check's state and, when `explain` is set (after a command or a Check),
   * the summary and the first failing check's message (otherwise no message). Returns true when
   * this report passes and the one before did not.
   */
  showReport(report: CheckReport, explain: boolean): boolean {
    this.#checks.hidden = false;
    report.results.forEach(({ result }, index) => {
      const item = this.#checks.querySelector<HTMLElement>(`[data-check="${index}"]`);
      if (!item) return;
      item.dataset.pass = String(result.pass);
      const state = item.querySelector<HTMLElement>("[data-check-state]");
      if (state) setText(state, result.pass ? this.strings.checkPassed : this.strings.checkFailed);
    });
    const newlyPassed = report.pass && !this.passed;
    this.passed = report.pass;
    this.section.dataset.passed = String(report.pass);
    if (!explain) {
      this.#message.hidden = true;
      return newlyPassed;
    }
    const passing = report.results.filter((r) => r.result.pass).length;
    this.status(report.pass ? this.strings.passed : this.strings.notYet(passing, report.results.length));
    const message = report.pass ? undefined : reportMessage(report, this.locale);
    if (!message) {
      this.#message.hidden = true;
      setInline(this.#message, "");
    } else {
      setInline(this.#message, message);
      this.#message.hidden = false;
    }
    return newlyPassed;
  }
}
