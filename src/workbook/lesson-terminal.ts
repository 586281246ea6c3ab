/**
 * The lesson page's one terminal: a panel docked at the bottom of the window, made on first use
 * and placed at the end of the page (after the lesson in focus order). It shows whichever simulated
 * host is current (the active exercise's, or a plain one for click-to-run commands) and reports
 * each finished command line together with the host it ran on.
 */
import type { Host } from "../../simulator/host/host";
import type { BootedTerminal } from "../terminal/boot";
import type { LayerlabTerminal } from "../terminal/element";
import "../terminal/element";
import { terminalStrings } from "../terminal/strings";
import type { WorkbookLocale, WorkbookStrings } from "./strings";

export interface CommandDone {
  line: string;
  exitCode: number;
  host: Host;
}

export interface PanelContext {
  /** The active exercise's title, or null for the lesson's own host. */
  exerciseTitle: string | null;
  /** Id of the active exercise's section, for the "back to the exercise" link. */
  exerciseAnchor: string | null;
  /** One line shown in the terminal when it moves to this host. */
  notice?: string;
}

const PANEL_ID = "ll-lesson-terminal";

/** A promise with its resolve function. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export class LessonTerminal {
  readonly panel: HTMLElement;
  readonly terminal: LayerlabTerminal;
  #booted: Promise<BootedTerminal> | undefined;
  #host: Host;
  #unsubscribe: (() => void) | undefined;
  readonly #listeners = new Set<(done: CommandDone) => void>();
  readonly #context: HTMLElement;
  readonly #toggle: HTMLButtonElement;
  readonly #body: HTMLElement;
  readonly #back: HTMLAnchorElement;
  readonly #strings: WorkbookStrings;
  /** Attach requests, one after the other. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Resolves (and is replaced) whenever the terminal moves to another host. */
  #moved = signal();

  constructor(host: Host, context: PanelContext, strings: WorkbookStrings, locale: WorkbookLocale) {
    this.#host = host;
    this.#strings = strings;
    const terminalText = terminalStrings[locale];
    const titleId = `${PANEL_ID}-title`;
    const helpId = `${PANEL_ID}-help`;

    this.#context = element("span", { className: "ll-panel-context" });
    const title = element("h2", { id: titleId, className: "ll-panel-title" }, strings.panelTitle, this.#context);
    this.#toggle = element("button", { type: "button", className: "ll-button ll-button-quiet" }, strings.hidePanel);
    this.#toggle.setAttribute("aria-expanded", "true");
    this.#toggle.setAttribute("aria-controls", `${PANEL_ID}-body`);
    this.#toggle.dataset.showLabel = strings.showPanel;
    this.#toggle.dataset.hideLabel = strings.hidePanel;
    this.#toggle.addEventListener("click", () => this.setOpen(this.#toggle.getAttribute("aria-expanded") !== "true"));

    const status = element("p", { className: "ll-terminal-status" }, terminalText.loading);
    status.dataset.terminalStatus = "";
    const screen = element("div", { className: "ll-terminal-screen", tabIndex: 0 }, status);
    screen.dataset.terminalScreen = "";
    const region = element("div", { className: "ll-terminal" }, screen);
    region.setAttribute("role", "region");
    region.setAttribute("aria-label", terminalText.label);
    region.setAttribute("aria-describedby", helpId);
    this.terminal = document.createElement("layerlab-terminal") as LayerlabTerminal;
    this.terminal.className = "not-content";
    this.terminal.append(region);
    this.terminal.dataset.failed = terminalText.failed;
    this.terminal.host = host;

    this.#back = element("a", { className: "ll-panel-back" }, strings.backToExercise);
    const help = element("p", { id: helpId, className: "ll-terminal-help" }, terminalText.keyboardHelp);
    this.#body = element("div", { id: `${PANEL_ID}-body`, className: "ll-panel-body" }, this.terminal, element("div", { className: "ll-panel-foot" }, help, this.#back));

    this.panel = element("section", { id: PANEL_ID, className: "ll-panel not-content" }, element("div", { className: "ll-panel-bar" }, title, this.#toggle), this.#body);
    this.panel.setAttribute("aria-labelledby", titleId);
    this.#show(context);
    // the end of <body>: after the lesson in focus order, and above Starlight's fixed sidebars
    document.body.append(this.panel);
    this.setOpen(true);
  }

  /** The host the terminal shows now. */
  get host(): Host {
    return this.#host;
  }

  /** Called after every command line, with the host it ran on. */
  onCommandDone(listener: (done: CommandDone) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Shows `host` in the terminal (a new shell on it), opening the panel. */
  attach(host: Host, context: PanelContext): Promise<void> {
    return this.#enqueue(async () => {
      this.setOpen(true);
      this.#show(context);
      const booted = await this.#boot();
      if (host !== this.#host) {
        this.#host = host;
        booted.attach(host, context.notice);
        this.#subscribe(booted);
        this.#moved.resolve();
        this.#moved = signal();
      }
    });
  }

  /**
   * Types `line` at the prompt and presses Enter. A running command is waited for (Ctrl-C in the
   * terminal ends it); if the terminal moves to another host meanwhile, the line goes there.
   */
  async run(line: string): Promise<void> {
    this.setOpen(true);
    await this.#queue;
    const booted = await this.#boot();
    for (;;) {
      const session = booted.session;
      const moved = this.#moved.promise.then(() => false);
      if (await Promise.race([session.idle().then(() => true), moved])) {
        if (booted.session === session) {
          session.typeLine(line);
          return;
        }
      }
    }
  }

  async focus(): Promise<void> {
    this.setOpen(true);
    await this.#boot();
    await this.terminal.focusTerminal();
  }

  /** Expands or collapses the panel; a collapsed panel keeps its session. */
  setOpen(open: boolean): void {
    this.#toggle.setAttribute("aria-expanded", String(open));
    this.#toggle.textContent = (open ? this.#toggle.dataset.hideLabel : this.#toggle.dataset.showLabel) ?? "";
    this.#body.hidden = !open;
    this.panel.dataset.open = String(open);
    document.documentElement.classList.toggle("ll-has-panel", open);
    document.documentElement.classList.add("ll-has-panel-bar");
  }

  #show(context: PanelContext): void {
    this.#context.textContent = ` · ${this.#strings.panelContext(context.exerciseTitle)}`;
    this.#back.hidden = !context.exerciseAnchor;
    this.#back.href = context.exerciseAnchor ? `#${context.exerciseAnchor}` : "";
  }

  #boot(): Promise<BootedTerminal> {
    if (!this.#booted) {
      this.#booted = this.terminal.start().then((booted) => {
        this.#subscribe(booted);
        return booted;
      });
      this.#booted.catch(() => (this.#booted = undefined));
    }
    return this.#booted;
  }

  #subscribe(booted: BootedTerminal): void {
    this.#unsubscribe?.();
    const host = this.#host;
    this.#unsubscribe = booted.session.onCommandDone(({ line, exitCode }) => {
      for (const listener of this.#listeners) listener({ line, exitCode, host });
    });
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
