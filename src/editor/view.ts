/**
 * The host files editor: a file tree of /home/learner and a text area with a highlighted layer
 * under it (the textarea keeps all the native editing, selection, undo, IME and screen-reader
 * behaviour; the <pre> behind it only paints colours). Everything goes through LearnerFiles, so
 * an edit is the file `cat` prints and `docker build` reads. Loaded with the terminal; about
 * 5 KB gzip with the highlighter, where an editor library would cost 100 KB or more.
 */
import type { Host } from "../../simulator/host/host";
import { FileError, LearnerFiles, type FileEntry } from "../../simulator/host/files";
import type { Step } from "../sandbox/schema";
import { highlight, languageOf } from "./highlight";
import { editorActions, editorStrings, type EditorLocale } from "./strings";

export interface EditorOptions {
  locale: EditorLocale;
  /** Every change the editor makes to the host, as a replayable step. */
  onStep(step: Step): void;
  /** The open file changed (to keep it across reloads). */
  onOpen?(path: string | null): void;
}

/** Milliseconds after the last keystroke before the file is written. */
export const SAVE_DELAY_MS = 300;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const reasonOf = (e: unknown) => (e instanceof FileError || e instanceof Error ? e.message : String(e));

export class HostFilesEditor {
  readonly #t;
  readonly #act;
  readonly #opts: EditorOptions;
  #files: LearnerFiles | null = null;
  #entries: FileEntry[] = [];
  #selected: string | null = null;
  #open: string | null = null;
  /** The content last read from or written to the open file. */
  #onDisk = "";
  #timer: ReturnType<typeof setTimeout> | undefined;
  #promptAction: ((name: string) => void) | null = null;
  #promptReturn: HTMLElement | null = null;

  readonly #tree: HTMLUListElement;
  readonly #treeNote: HTMLParagraphElement;
  readonly #prompt: HTMLFormElement;
  readonly #promptLabel: HTMLLabelElement;
  readonly #promptInput: HTMLInputElement;
  readonly #confirm: HTMLDivElement;
  readonly #confirmText: HTMLParagraphElement;
  readonly #buttons: Record<"newFile" | "newFolder" | "rename" | "delete", HTMLButtonElement>;
  readonly #fileName: HTMLParagraphElement;
  readonly #code: HTMLDivElement;
  readonly #paint: HTMLElement;
  readonly #input: HTMLTextAreaElement;
  readonly #state: HTMLSpanElement;
  readonly #status: HTMLParagraphElement;

  constructor(root: HTMLElement, opts: EditorOptions) {
    this.#opts = opts;
    this.#t = editorStrings[opts.locale];
    this.#act = editorActions[opts.locale];
    const t = this.#t;
    const uid = root.id || "ll-editor";

    const button = (label: string, onClick: () => void) => {
      const b = el("button", { type: "button", className: "ll-editor-button" }, label);
      b.addEventListener("click", onClick);
      return b;
    };
    this.#buttons = {
      newFile: button(t.newFile, () => this.#ask("file")),
      newFolder: button(t.newFolder, () => this.#ask("dir")),
      rename: button(t.rename, () => this.#ask("rename")),
      delete: button(t.delete, () => this.#askDelete()),
    };
    const actions = el("div", { className: "ll-editor-actions" }, ...Object.values(this.#buttons));
    actions.setAttribute("role", "group");
    actions.setAttribute("aria-label", t.treeLabel);

    this.#promptInput = el("input", { type: "text", id: `${uid}-name`, spellcheck: false, autocomplete: "off" });
    this.#promptLabel = el("label", { htmlFor: this.#promptInput.id });
    const cancel = button(t.cancel, () => this.#closePrompt());
    this.#prompt = el("form", { className: "ll-editor-prompt", hidden: true }, this.#promptLabel, this.#promptInput, el("button", { type: "submit", className: "ll-editor-button" }, t.ok), cancel);
    this.#prompt.addEventListener("submit", (e) => {
      e.preventDefault();
      const name = this.#promptInput.value.trim();
      const action = this.#promptAction;
      if (!name || !action) return;
      this.#closePrompt(false);
      action(name);
    });
    this.#prompt.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.#closePrompt();
      }
    });

    this.#confirmText = el("p");
    const confirmDelete = button(t.delete, () => this.#delete());
    this.#confirm = el("div", { className: "ll-editor-confirm", hidden: true }, this.#confirmText, confirmDelete, button(t.cancel, () => this.#closeConfirm()));
    this.#confirm.setAttribute("role", "group");
    this.#confirm.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.#closeConfirm();
      }
    });

    this.#tree = el("ul", { className: "ll-editor-tree", id: `${uid}-tree` });
    this.#tree.setAttribute("aria-label", t.treeLabel);
    this.#tree.addEventListener("keydown", (e) => this.#treeKey(e));
    this.#treeNote = el("p", { className: "ll-editor-note" });

    this.#fileName = el("p", { className: "ll-editor-filename", id: `${uid}-file` }, t.noFile);
    this.#paint = el("code");
    const pre = el("pre", { className: "ll-code-paint" }, this.#paint);
    pre.setAttribute("aria-hidden", "true");
    this.#input = el("textarea", { className: "ll-code-input", spellcheck: false, disabled: true, id: `${uid}-text` });
    for (const [k, v] of Object.entries({ wrap: "off", autocapitalize: "off", autocomplete: "off", autocorrect: "off", "aria-describedby": this.#fileName.id })) this.#input.setAttribute(k, v);
    this.#input.setAttribute("aria-label", t.noFile);
    this.#input.addEventListener("input", () => this.#edited());
    this.#input.addEventListener("blur", () => this.flush());
    this.#input.addEventListener("scroll", () => {
      pre.scrollTop = this.#input.scrollTop;
      pre.scrollLeft = this.#input.scrollLeft;
    });
    this.#input.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        this.flush(true);
      }
    });
    this.#code = el("div", { className: "ll-code" }, pre, this.#input);
    this.#state = el("span", { className: "ll-editor-state" });
    this.#status = el("p", { className: "ll-editor-status" });
    this.#status.setAttribute("role", "status");

    const side = el("div", { className: "ll-editor-side" }, actions, this.#prompt, this.#confirm, this.#tree, this.#treeNote);
    const main = el("div", { className: "ll-editor-main" }, el("div", { className: "ll-editor-head" }, this.#fileName, this.#state), this.#code, this.#status);
    root.replaceChildren(el("div", { className: "ll-editor" }, side, main));
    this.#updateButtons();
  }

  /** The file open in the editor, relative to /home/learner. */
  get openPath(): string | null {
    return this.#open;
  }

  /** Shows another host's files (after a restore, undo, reset or link); keeps the open file if it exists there. */
  setHost(host: Host, open: string | null = this.#open): void {
    clearTimeout(this.#timer);
    this.#files = new LearnerFiles(host);
    this.#open = null;
    this.#refreshTree();
    const exists = open !== null && this.#entries.some((e) => e.path === open && e.kind !== "dir");
    if (exists) this.open(open, false);
    else this.#closeFile();
  }

  /** Re-reads the tree and the open file (after a terminal command). */
  refresh(): void {
    if (!this.#files) return;
    this.#refreshTree();
    const path = this.#open;
    if (path === null || this.#dirty()) return;
    let text: string | null = null;
    try {
      const c = this.#files.read(path);
      if (c.kind === "text") text = c.text;
    } catch {
      text = null;
    }
    if (text === null) {
      this.#closeFile();
      this.#say(this.#t.gone(path));
    } else if (text !== this.#onDisk) {
      this.#onDisk = text;
      this.#input.value = text;
      this.#paintText();
      this.#say(this.#t.changedOnDisk(path));
    }
  }

  /** Writes pending edits now. */
  flush(announce = false): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#open === null || !this.#files) return;
    if (!this.#dirty()) {
      if (announce) this.#say(this.#t.saved(this.#open));
      return;
    }
    const text = this.#input.value;
    try {
      this.#files.write(this.#open, text);
      this.#onDisk = text;
      this.#opts.onStep({ write: this.#open, text });
      this.#state.textContent = "";
      if (announce) this.#say(this.#t.saved(this.#open));
    } catch (e) {
      this.#say(this.#t.failed(this.#act.save(this.#open), reasonOf(e)), true);
    }
  }

  /** Opens a file for editing. */
  open(path: string, focus = true): void {
    if (!this.#files) return;
    this.flush();
    let content;
    try {
      content = this.#files.read(path);
    } catch (e) {
      this.#say(this.#t.failed(this.#act.open(path), reasonOf(e)), true);
      return;
    }
    this.#selected = path;
    if (content.kind !== "text") {
      this.#closeFile();
      this.#selected = path;
      this.#markTree();
      this.#say(this.#t.notText(path, content.kind));
      return;
    }
    this.#open = path;
    this.#onDisk = content.text;
    this.#input.value = content.text;
    this.#input.disabled = false;
    this.#input.setAttribute("aria-label", this.#t.editorLabel(path));
    this.#fileName.textContent = `/home/learner/${path}`;
    this.#code.dataset.language = languageOf(path);
    this.#paintText();
    this.#markTree();
    this.#updateButtons();
    this.#opts.onOpen?.(path);
    if (focus) this.#input.focus();
  }

  // ---- tree ----

  #refreshTree(): void {
    if (!this.#files) return;
    const { entries, truncated } = this.#files.list();
    const same = entries.length === this.#entries.length && entries.every((e, i) => e.path === this.#entries[i].path && e.kind === this.#entries[i].kind);
    this.#entries = entries;
    this.#treeNote.textContent = entries.length === 0 ? this.#t.empty : truncated ? this.#t.truncated : "";
    if (this.#selected !== null && !entries.some((e) => e.path === this.#selected)) this.#selected = null;
    if (same) return this.#markTree();
    const hadFocus = this.#tree.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.path : undefined;
    this.#tree.replaceChildren(
      ...entries.map((e) => {
        const label = e.kind === "dir" ? `${e.name}/` : e.name;
        const b = el("button", { type: "button", className: `ll-editor-entry is-${e.kind}` }, label);
        b.dataset.path = e.path;
        b.style.setProperty("--ll-depth", String(e.depth));
        if (e.kind === "symlink" || e.kind === "dir") b.setAttribute("aria-description", e.kind === "dir" ? this.#t.directory : this.#t.symlink);
        b.addEventListener("click", () => this.#choose(e));
        return el("li", {}, b);
      }),
    );
    this.#markTree();
    if (hadFocus) this.#treeButton(hadFocus)?.focus();
  }

  #treeButton(path: string): HTMLButtonElement | null {
    return this.#tree.querySelector<HTMLButtonElement>(`button[data-path="${CSS.escape(path)}"]`);
  }

  #markTree(): void {
    for (const b of this.#tree.querySelectorAll<HTMLButtonElement>("button[data-path]")) {
      if (b.dataset.path === this.#selected) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    }
    this.#updateButtons();
  }

  #choose(e: FileEntry): void {
    this.#selected = e.path;
    if (e.kind === "dir") this.#markTree();
    else this.open(e.path);
  }

  /** Up/Down/Home/End move between entries (each entry is also a tab stop). */
  #treeKey(e: KeyboardEvent): void {
    const buttons = [...this.#tree.querySelectorAll<HTMLButtonElement>("button[data-path]")];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next = e.key === "ArrowDown" ? i + 1 : e.key === "ArrowUp" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? buttons.length - 1 : null;
    if (next === null || next < 0 || next >= buttons.length) return;
    e.preventDefault();
    buttons[next].focus();
  }

  #updateButtons(): void {
    const none = !this.#files;
    this.#buttons.newFile.disabled = none;
    this.#buttons.newFolder.disabled = none;
    this.#buttons.rename.disabled = none || this.#selected === null;
    this.#buttons.delete.disabled = none || this.#selected === null;
  }

  // ---- new, rename, delete ----

  /** The folder new entries go in: the selected folder, or the selected file's folder. */
  #baseDir(): string {
    const sel = this.#selected;
    if (sel === null) return "";
    const entry = this.#entries.find((e) => e.path === sel);
    if (entry?.kind === "dir") return sel + "/";
    const slash = sel.lastIndexOf("/");
    return slash < 0 ? "" : sel.slice(0, slash + 1);
  }

  #ask(action: "file" | "dir" | "rename"): void {
    this.#closeConfirm(false);
    const from = this.#selected;
    this.#promptReturn = document.activeElement as HTMLElement | null;
    this.#promptLabel.textContent = this.#t.nameLabel(action);
    this.#promptInput.value = action === "rename" ? (from ?? "") : this.#baseDir();
    this.#promptAction = (name) => {
      if (!this.#files) return;
      const files = this.#files;
      try {
        if (action === "rename") {
          if (from === null) return;
          this.flush();
          files.rename(from, name);
          const to = files.absolute(name).slice(files.home.length + 1);
          this.#opts.onStep({ rename: from, to });
          if (this.#open !== null && (this.#open === from || this.#open.startsWith(from + "/"))) {
            this.#open = to + this.#open.slice(from.length);
            this.#fileName.textContent = `/home/learner/${this.#open}`;
            this.#input.setAttribute("aria-label", this.#t.editorLabel(this.#open));
            this.#opts.onOpen?.(this.#open);
          }
          this.#selected = to;
          this.#refreshTree();
          this.#treeButton(to)?.focus();
        } else {
          files.create(name, action);
          const path = files.absolute(name).slice(files.home.length + 1);
          this.#opts.onStep({ create: path, kind: action });
          this.#selected = path;
          this.#refreshTree();
          if (action === "file") this.open(path);
          else this.#treeButton(path)?.focus();
        }
      } catch (e) {
        const what = action === "rename" ? this.#act.rename(from ?? name) : this.#act.create(name);
        this.#say(this.#t.failed(what, reasonOf(e)), true);
        this.#promptReturn?.focus();
      }
    };
    this.#prompt.hidden = false;
    this.#promptInput.focus();
    this.#promptInput.setSelectionRange(this.#promptInput.value.length, this.#promptInput.value.length);
  }

  #closePrompt(restoreFocus = true): void {
    this.#prompt.hidden = true;
    this.#promptAction = null;
    if (restoreFocus) this.#promptReturn?.focus();
  }

  #askDelete(): void {
    if (this.#selected === null) return;
    this.#closePrompt(false);
    this.#promptReturn = document.activeElement as HTMLElement | null;
    this.#confirmText.textContent = this.#t.confirmDelete(this.#selected);
    this.#confirm.hidden = false;
    this.#confirm.querySelector("button")?.focus();
  }

  #closeConfirm(restoreFocus = true): void {
    this.#confirm.hidden = true;
    if (restoreFocus) this.#promptReturn?.focus();
  }

  #delete(): void {
    const path = this.#selected;
    this.#closeConfirm(false);
    if (path === null || !this.#files) return;
    try {
      this.#files.remove(path);
      this.#opts.onStep({ remove: path });
      if (this.#open !== null && (this.#open === path || this.#open.startsWith(path + "/"))) this.#closeFile();
      this.#selected = null;
      this.#refreshTree();
      this.#buttons.newFile.focus();
    } catch (e) {
      this.#say(this.#t.failed(this.#act.delete(path), reasonOf(e)), true);
      this.#promptReturn?.focus();
    }
  }

  // ---- the text ----

  #dirty(): boolean {
    return this.#open !== null && this.#input.value !== this.#onDisk;
  }

  #edited(): void {
    this.#paintText();
    this.#state.textContent = this.#t.unsaved;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  #closeFile(): void {
    this.#open = null;
    this.#onDisk = "";
    this.#input.value = "";
    this.#input.disabled = true;
    this.#input.setAttribute("aria-label", this.#t.noFile);
    this.#fileName.textContent = this.#t.noFile;
    this.#state.textContent = "";
    this.#paintText();
    this.#opts.onOpen?.(null);
    this.#updateButtons();
  }

  /** Paints the highlighted copy of the text behind the textarea. */
  #paintText(): void {
    const text = this.#input.value;
    const lines = highlight(text, this.#open ? languageOf(this.#open) : "plain");
    const frag = document.createDocumentFragment();
    lines.forEach((tokens, i) => {
      if (i > 0) frag.append("\n");
      for (const t of tokens) frag.append(t.cls ? el("span", { className: `tok-${t.cls}` }, t.text) : t.text);
    });
    // a final newline needs a character after it to take up its line
    frag.append(" ");
    this.#paint.replaceChildren(frag);
  }

  #say(text: string, problem = false): void {
    this.#status.textContent = text;
    this.#status.classList.toggle("is-problem", problem);
  }
}
