/**
 * <layerlab-views>: the engine views beside a terminal. On first load it is only tabs (ARIA tabs
 * with roving focus: arrow keys, Home and End); the code that computes and draws the views loads
 * once the terminal it belongs to is ready.
 */
import type { TerminalSource, ViewsController } from "./render";
import type { ViewTab } from "./strings";

export class LayerlabViews extends HTMLElement {
  #controller: Promise<ViewsController> | undefined;
  #observer: MutationObserver | undefined;

  get activeTab(): ViewTab {
    return (this.#tabs().find((t) => t.getAttribute("aria-selected") === "true")?.dataset.tab ?? "layers") as ViewTab;
  }

  connectedCallback(): void {
    const tablist = this.querySelector<HTMLElement>('[role="tablist"]');
    tablist?.addEventListener("keydown", (e) => this.#onKey(e));
    tablist?.addEventListener("click", (e) => {
      const tab = (e.target as Element).closest<HTMLElement>('[role="tab"]');
      if (tab) this.select(tab.dataset.tab as ViewTab);
    });
    const terminal = this.#terminal();
    if (!terminal) return;
    const check = () => {
      if (terminal.dataset.state === "ready") this.#load(terminal);
      else if (terminal.dataset.state === "failed") this.#status(this.dataset.failed);
    };
    this.#observer = new MutationObserver(check);
    this.#observer.observe(terminal, { attributes: true, attributeFilter: ["data-state"] });
    check();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    void this.#controller?.then((c) => c.dispose());
    this.#controller = undefined;
  }

  /** Shows a tab's panel (and draws it). */
  select(tab: ViewTab, focus = false): void {
    for (const t of this.#tabs()) {
      const on = t.dataset.tab === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      if (on && focus) t.focus();
    }
    for (const panel of this.querySelectorAll<HTMLElement>('[role="tabpanel"]')) panel.hidden = panel.dataset.tab !== tab;
    void this.#controller?.then((c) => c.show());
  }

  #tabs(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('[role="tab"]')];
  }

  #onKey(e: KeyboardEvent): void {
    const tabs = this.#tabs();
    const i = tabs.findIndex((t) => t === document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.select(tabs[(next + tabs.length) % tabs.length].dataset.tab as ViewTab, true);
  }

  #terminal(): TerminalSource | null {
    const id = this.dataset.terminal;
    return (id ? document.getElementById(id) : document.querySelector("layerlab-terminal")) as TerminalSource | null;
  }

  #status(text: string | undefined): void {
    for (const p of this.querySelectorAll<HTMLElement>("[data-views-status]")) p.textContent = text ?? "";
  }

  #load(terminal: TerminalSource): void {
    if (this.#controller) return;
    this.#observer?.disconnect();
    this.#controller = import("./render").then(({ startViews }) => startViews(this, terminal));
    this.#controller.catch(() => {
      this.dataset.views = "failed";
      this.#status(this.dataset.failed);
    });
  }
}

if (!customElements.get("layerlab-views")) customElements.define("layerlab-views", LayerlabViews);
