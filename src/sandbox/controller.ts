/**
 * The sandbox page's state, loaded with the terminal (never on first load): which host the
 * terminal shows, undo, reset, permalinks, the host files editor, and saving the whole of it per
 * page after every command.
 *
 * The host's state is exported after every command (and editor change); the export from before a
 * command is what Undo restores. Pages and other components learn about changes from two DOM
 * events on <layerlab-sandbox> (they bubble):
 *   "layerlab:host"     detail { host }                     the terminal moved to another host
 *   "layerlab:command"  detail { host, line, exitCode }     a command line finished
 */
import "../terminal/slices";
import { createHost, type Host } from "../../simulator/host/host";
import { exportHost, loadHost, type HostState } from "../../simulator/host/state";
import type { BootedTerminal } from "../terminal/boot";
import type { LayerlabTerminal } from "../terminal/element";
import type { HostFilesEditor } from "../editor/view";
import type { SiteLocale } from "../lessons/catalog";
import { sandboxCopy, type SandboxMessages } from "./copy";
import { decodePermalink, encodePermalink, isPermalinkFragment } from "./permalink";
import { memoryStore, openIndexedDbStore, restoreEntry, saveEntry, type KeyValueStore } from "./persist";
import { appendStep, replaySteps } from "./replay";
import type { Step } from "./schema";

/** Undo steps kept (each is one exported host). */
export const UNDO_LIMIT = 30;

interface Snapshot {
  state: HostState;
  steps: Step[] | null;
  /** What undoing it takes back: a command line, a reset, or opening a link. */
  what: { command: string } | "reset" | "link";
}

export interface SandboxParts {
  root: HTMLElement;
  terminal: LayerlabTerminal;
  undo: HTMLButtonElement;
  reset: HTMLButtonElement;
  link: HTMLButtonElement;
  linkOutput: HTMLInputElement;
  linkBox: HTMLElement;
  status: HTMLElement;
  editorRoot: HTMLElement | null;
}

type HostSetup = { host: Host; steps: Step[] | null; notice: string };

function historyOf(booted: BootedTerminal): string[] {
  return [...((booted.session as unknown as { history?: readonly string[] }).history ?? [])];
}

export class SandboxController {
  readonly #parts: SandboxParts;
  readonly #m: SandboxMessages;
  readonly #locale: SiteLocale;
  readonly #page: string;
  #store: KeyValueStore;
  #booted!: BootedTerminal;
  #host!: Host;
  /** The host as exported after the last change: what the next command's undo restores. */
  #current!: HostState;
  #steps: Step[] | null = [];
  #undo: Snapshot[] = [];
  #file: string | null = null;
  #editor: HostFilesEditor | null = null;
  #unsubscribe: (() => void) | undefined;
  #saveQueued = false;
  #saves = 0;
  #saveProblemShown = false;

  private constructor(parts: SandboxParts, locale: SiteLocale, store: KeyValueStore) {
    this.#parts = parts;
    this.#locale = locale;
    this.#m = sandboxCopy[locale].messages;
    this.#page = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
    this.#store = store;
  }

  /** Restores the page's host (a permalink first, then the saved entry, else a fresh host) and opens the terminal on it. */
  static async start(parts: SandboxParts, locale: SiteLocale): Promise<SandboxController> {
    let notices: string[] = [];
    let store: KeyValueStore;
    try {
      store = await openIndexedDbStore();
    } catch {
      store = memoryStore();
      notices.push(sandboxCopy[locale].messages.notKept);
    }
    const c = new SandboxController(parts, locale, store);
    const saved = await restoreEntry(store, c.#page, loadHost);
    if (saved.problem) notices.push(c.#m.setAside ? `${c.#m.setAside} ${saved.problem}` : saved.problem);
    let setup: HostSetup = saved.host
      ? { host: saved.host, steps: saved.steps, notice: saved.savedAt ? c.#m.restored(c.#when(saved.savedAt)) : "" }
      : { host: createHost(), steps: [], notice: "" };
    c.#file = saved.file;
    let problem = saved.problem !== undefined;
    let linked = false;
    if (isPermalinkFragment(location.hash)) {
      const fromLink = await c.#fromLink(location.hash);
      c.#dropFragment();
      if ("problem" in fromLink) {
        notices = [...notices, fromLink.problem];
        problem = true;
      } else {
        // the saved host stays one Undo away
        c.#undo.push({ state: exportHost(setup.host), steps: setup.steps, what: "link" });
        setup = fromLink;
        linked = true;
      }
    }
    c.#host = setup.host;
    c.#steps = setup.steps;
    c.#current = exportHost(setup.host);
    parts.terminal.host = setup.host;
    parts.terminal.history = saved.history;
    c.#booted = await parts.terminal.start();
    c.#listen();
    c.#wire();
    await c.#mountEditor();
    c.#announce(setup.host);
    c.#say([setup.notice, ...notices].filter(Boolean).join(" "), problem);
    if (linked) c.#queueSave();
    c.#updateButtons();
    parts.root.dataset.state = "ready";
    return c;
  }

  get host(): Host {
    return this.#host;
  }

  // ---- commands ----

  #listen(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#booted.session.onCommandDone(({ line, exitCode }) => this.#commandDone(line, exitCode));
  }

  #commandDone(line: string, exitCode: number): void {
    if (line.trim() === "") return;
    this.#pushUndo({ state: this.#current, steps: this.#steps, what: { command: line } });
    this.#steps = appendStep(this.#steps, { run: line });
    this.#current = exportHost(this.#host);
    this.#editor?.refresh();
    this.#queueSave();
    this.#updateButtons();
    this.#parts.root.dispatchEvent(new CustomEvent("layerlab:command", { bubbles: true, detail: { host: this.#host, line, exitCode } }));
  }

  #pushUndo(s: Snapshot): void {
    this.#undo.push(s);
    if (this.#undo.length > UNDO_LIMIT) this.#undo.shift();
  }

  /** Moves the terminal (and the editor) to another host. */
  #attach(host: Host, notice: string): void {
    this.#editor?.flush();
    this.#host = host;
    this.#booted.attach(host, notice);
    this.#listen();
    this.#editor?.setHost(host, this.#file);
    this.#announce(host);
  }

  #announce(host: Host): void {
    this.#parts.root.dispatchEvent(new CustomEvent("layerlab:host", { bubbles: true, detail: { host } }));
  }

  undo(): void {
    const last = this.#undo.pop();
    if (!last) {
      this.#say(this.#m.nothingToUndo);
      return;
    }
    let host: Host;
    try {
      host = loadHost(last.state);
    } catch (e) {
      this.#say(`${this.#m.failed} ${e instanceof Error ? e.message : String(e)}`, true);
      return;
    }
    const notice = last.what === "reset" ? this.#m.undoneReset : last.what === "link" ? this.#m.undoneLink : this.#m.undone(last.what.command);
    this.#current = last.state;
    this.#steps = last.steps;
    this.#attach(host, notice);
    this.#say(notice);
    this.#queueSave();
    this.#updateButtons();
  }

  reset(): void {
    this.#pushUndo({ state: this.#current, steps: this.#steps, what: "reset" });
    const host = createHost();
    this.#current = exportHost(host);
    this.#steps = [];
    this.#attach(host, this.#m.reset);
    this.#say(this.#m.reset);
    this.#queueSave();
    this.#updateButtons();
  }

  // ---- links ----

  /** A host from a permalink, or why not. The current host is not touched. */
  async #fromLink(hash: string): Promise<HostSetup | { problem: string }> {
    const read = decodePermalink(hash);
    if (!read.ok) return { problem: `${this.#m.badLink} ${read.problem}` };
    try {
      if (read.link.kind === "state") return { host: loadHost(read.link.host), steps: null, notice: this.#m.linkLoaded };
      const host = createHost();
      const { failed } = await replaySteps(host, read.link.steps);
      return { host, steps: read.link.steps, notice: this.#m.linkReplayed(read.link.steps.length, failed.length) };
    } catch (e) {
      return { problem: `${this.#m.badLink} ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /** Follows a permalink opened while the page is already showing a host. */
  async openLink(hash: string): Promise<void> {
    const r = await this.#fromLink(hash);
    this.#dropFragment();
    if ("problem" in r) {
      this.#say(r.problem, true);
      return;
    }
    this.#pushUndo({ state: this.#current, steps: this.#steps, what: "link" });
    this.#current = exportHost(r.host);
    this.#steps = r.steps;
    this.#attach(r.host, r.notice);
    this.#say(r.notice);
    this.#queueSave();
    this.#updateButtons();
  }

  makeLink(): void {
    this.#editor?.flush();
    const made = encodePermalink(this.#current, this.#steps);
    const { linkOutput, linkBox } = this.#parts;
    if (!made.ok) {
      linkBox.hidden = true;
      this.#say(`${this.#m.linkTooLarge} ${made.problem}`, true);
      return;
    }
    const url = `${location.origin}${location.pathname}${location.search}${made.fragment}`;
    linkOutput.value = url;
    linkBox.hidden = false;
    linkBox.dataset.kind = made.kind;
    linkOutput.focus();
    linkOutput.select();
    this.#say(this.#m.linkMade(made.kind));
    navigator.clipboard?.writeText(url).then(
      () => this.#say(`${this.#m.linkMade(made.kind)} ${this.#m.linkCopied}`),
      () => {},
    );
  }

  #dropFragment(): void {
    history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  }

  // ---- saving ----

  #queueSave(): void {
    if (this.#saveQueued) return;
    this.#saveQueued = true;
    setTimeout(() => void this.#save(), 0);
  }

  async #save(): Promise<void> {
    this.#saveQueued = false;
    const ok = await saveEntry(this.#store, this.#page, { savedAt: Date.now(), host: this.#current, history: historyOf(this.#booted), steps: this.#steps, file: this.#file });
    if (!ok && !this.#saveProblemShown) {
      this.#saveProblemShown = true;
      this.#say(this.#m.saveFailed, true);
    }
    if (ok) this.#parts.root.dataset.saves = String(++this.#saves);
  }

  // ---- the page ----

  #wire(): void {
    const { undo, reset, link } = this.#parts;
    undo.addEventListener("click", () => this.undo());
    reset.addEventListener("click", () => this.reset());
    link.addEventListener("click", () => this.makeLink());
    window.addEventListener("hashchange", () => {
      if (isPermalinkFragment(location.hash)) void this.openLink(location.hash);
    });
    // the last edits, when the page goes away
    window.addEventListener("pagehide", () => {
      this.#editor?.flush();
      if (this.#saveQueued) void this.#save();
    });
  }

  async #mountEditor(): Promise<void> {
    const root = this.#parts.editorRoot;
    if (!root) return;
    const { HostFilesEditor } = await import("../editor/view");
    this.#editor = new HostFilesEditor(root, {
      locale: this.#locale,
      onStep: (step) => {
        this.#steps = appendStep(this.#steps, step);
        this.#current = exportHost(this.#host);
        this.#queueSave();
      },
      onOpen: (path) => {
        this.#file = path;
        this.#queueSave();
      },
    });
    this.#editor.setHost(this.#host, this.#file);
  }

  #updateButtons(): void {
    // aria-disabled, not disabled: the button keeps keyboard focus after the last undo
    const { undo, reset, link } = this.#parts;
    undo.disabled = false;
    undo.setAttribute("aria-disabled", String(this.#undo.length === 0));
    reset.disabled = false;
    link.disabled = false;
  }

  #say(text: string, problem = false): void {
    const s = this.#parts.status;
    s.textContent = text;
    s.classList.toggle("is-problem", problem && text !== "");
  }

  #when(ms: number): string {
    return new Intl.DateTimeFormat(this.#locale === "ja" ? "ja-JP" : "en", { dateStyle: "medium", timeStyle: "short" }).format(new Date(ms));
  }
}
