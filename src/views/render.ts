/**
 * Loaded with the terminal (a lazy chunk): computes the active view's model from the terminal's
 * simulated host and draws it, again after every command, on engine events (a container that
 * stops on its own) and once a second while something shown changes with time.
 */
import type { Host } from "../../simulator/host/host";
import type { TerminalSession } from "../../simulator/terminal/port";
import { buildCacheView, lastBuiltImage } from "../../simulator/views/build-cache";
import { type ContainersCursor, type ContainersModel, containersCursor, containersView } from "../../simulator/views/containers";
import { layerStackFor, layerSubjects } from "../../simulator/views/layers";
import { networksView } from "../../simulator/views/networks";
import { type ChangeReason, ViewSignal } from "../../simulator/views/signal";
import { volumesView } from "../../simulator/views/volumes";
import { h } from "./dom";
import { drawCache } from "./draw-cache";
import { drawContainers } from "./draw-containers";
import { drawLayers } from "./draw-layers";
import { drawNetworks } from "./draw-networks";
import { drawVolumes } from "./draw-volumes";
import { type ViewTab, type ViewsStrings, viewsLocale, viewsStrings } from "./strings";

/** What the views need from <layerlab-terminal>: its booted session (the session may change). */
export interface TerminalSource extends HTMLElement {
  start(): Promise<{ readonly session: TerminalSession }>;
}

/** What the views need from <layerlab-views>. */
export interface ViewsRoot extends HTMLElement {
  readonly activeTab: ViewTab;
}

function hostOf(session: TerminalSession): Host | null {
  const host = (session as TerminalSession & { host?: Host }).host;
  return host && typeof host === "object" && "daemon" in host ? host : null;
}

const AUTO = "";

/** JSON of a model without the parts that are not drawn (a redraw is skipped when equal). */
function signature(model: unknown): string {
  return JSON.stringify(model, (k, v: unknown) => (k === "since" ? undefined : v));
}

export class ViewsController {
  readonly #root: ViewsRoot;
  readonly #terminal: TerminalSource;
  readonly #t: ViewsStrings;
  // Redraws wait for the next frame and then run as a task of their own: the frame paints the
  // terminal's output first, and the views' DOM work never lengthens that frame's task.
  readonly #signal = new ViewSignal((f) => requestAnimationFrame(() => setTimeout(f, 0)));
  #session: TerminalSession | null = null;
  #host: Host | null = null;
  #detach: () => void = () => {};
  /** The daemon as the last command left it, and the cursor the containers view draws from. */
  #commandBase: ContainersCursor | undefined;
  #shownSince: ContainersCursor | undefined;
  #containers: ContainersModel | null = null;
  #drawn = new Map<ViewTab, string>();
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #onHost = () => void this.#follow();
  /** Redraws done (for tests and the bench). */
  redraws = 0;
  #longestRedraw = 0;

  constructor(root: ViewsRoot, terminal: TerminalSource, strings: ViewsStrings) {
    this.#root = root;
    this.#terminal = terminal;
    this.#t = strings;
    this.#signal.subscribe((reasons) => this.#update(reasons));
    this.#subjectSelect()?.addEventListener("change", () => this.#signal.notify("command"));
    // a host swap (the sandbox's reset, undo or a permalink) is announced with "layerlab:host";
    // a check each second catches any other
    document.addEventListener("layerlab:host", this.#onHost);
    this.#timer = setInterval(() => this.#tick(), 1000);
  }

  /** Connects to the terminal's current session (again, when it has changed). */
  async #follow(): Promise<void> {
    const booted = await this.#terminal.start();
    const session = booted.session;
    if (session === this.#session) return;
    this.#detach();
    this.#session = session;
    this.#host = hostOf(session);
    this.#drawn.clear();
    if (!this.#host) {
      this.#detach = () => {};
      return;
    }
    this.#detach = this.#signal.attach(this.#host.daemon, session);
    this.#commandBase = undefined;
    this.#shownSince = undefined;
    this.#root.dataset.views = "ready";
    this.#signal.notify("command");
  }

  start(): Promise<void> {
    return this.#follow();
  }

  /** Draws the tab now (the learner picked it). */
  show(): void {
    this.#signal.notify("tick");
  }

  #tick(): void {
    if (document.hidden) return;
    void this.#follow();
    if (this.#root.activeTab === "containers" && this.#containers?.live) this.#signal.notify("tick");
  }

  #subjectSelect(): HTMLSelectElement | null {
    return this.#root.querySelector<HTMLSelectElement>("select[data-subject]");
  }

  #update(reasons: ReadonlySet<ChangeReason>): void {
    const host = this.#host;
    if (!host) return;
    const started = performance.now();
    const d = host.daemon;
    if (reasons.has("command")) {
      this.#shownSince = this.#commandBase;
      this.#commandBase = containersCursor(d);
    } else if (reasons.has("engine")) this.#shownSince = this.#commandBase;
    const tab = this.#root.activeTab;
    const body = this.#root.querySelector<HTMLElement>(`[data-view-body="${tab}"]`);
    if (!body) return;
    let model: unknown;
    let draw: () => Node[];
    switch (tab) {
      case "layers": {
        const key = this.#refreshSubjects(d);
        const m = layerStackFor(d, key, lastBuiltImage(d));
        model = m;
        draw = () => drawLayers(m, this.#t);
        break;
      }
      case "cache": {
        const m = buildCacheView(d);
        model = m;
        draw = () => drawCache(m, this.#t);
        break;
      }
      case "containers": {
        const m = containersView(d, this.#shownSince);
        this.#containers = m;
        model = { m, now: m.containers.map((c) => c.statusText) };
        draw = () => drawContainers(m, this.#t);
        break;
      }
      case "networks": {
        const m = networksView(d);
        model = m;
        draw = () => drawNetworks(m, this.#t);
        break;
      }
      case "volumes": {
        const m = volumesView(d);
        model = m;
        draw = () => drawVolumes(m, this.#t);
        break;
      }
    }
    const sig = signature(model);
    if (this.#drawn.get(tab) === sig) return;
    this.#drawn.set(tab, sig);
    this.#replace(body, draw());
    this.redraws++;
    // how often and how long the views redraw, for the browser bench
    const ms = performance.now() - started;
    this.#longestRedraw = Math.max(this.#longestRedraw, ms);
    this.#root.dataset.redraws = String(this.redraws);
    this.#root.dataset.redrawMaxMs = this.#longestRedraw.toFixed(1);
  }

  /** Keeps the picker's options in step with the engine; returns the chosen subject key or null. */
  #refreshSubjects(d: Host["daemon"]): string | null {
    const select = this.#subjectSelect();
    if (!select) return null;
    const choices = layerSubjects(d);
    const wanted = [AUTO, ...choices.map((c) => c.key)].join("\n");
    const current = select.value;
    if (select.dataset.options !== wanted) {
      const groups = (["image", "container"] as const).map((kind) => {
        const list = choices.filter((c) => c.kind === kind);
        return list.length ? h("optgroup", { label: kind === "image" ? this.#t.images : this.#t.containers }, list.map((c) => h("option", { value: c.key }, c.label))) : null;
      });
      select.replaceChildren(h("option", { value: AUTO }, this.#t.subjectAuto), ...groups.filter((g): g is HTMLOptGroupElement => g !== null));
      select.dataset.options = wanted;
      select.value = choices.some((c) => c.key === current) ? current : AUTO;
    }
    return select.value || null;
  }

  /** Replaces a panel's content, keeping keyboard focus and opened cards where they were. */
  #replace(body: HTMLElement, nodes: Node[]): void {
    const active = document.activeElement instanceof HTMLElement && body.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    const open = new Set([...body.querySelectorAll<HTMLDetailsElement>("details[open][data-key]")].map((e) => e.dataset.key));
    body.replaceChildren(...nodes);
    for (const details of body.querySelectorAll<HTMLDetailsElement>("details[data-key]")) if (open.has(details.dataset.key)) details.open = true;
    if (active) body.querySelector<HTMLElement>(`[data-key="${CSS.escape(active)}"]`)?.focus();
  }

  dispose(): void {
    document.removeEventListener("layerlab:host", this.#onHost);
    this.#detach();
    clearInterval(this.#timer);
  }
}

export async function startViews(root: ViewsRoot, terminal: TerminalSource): Promise<ViewsController> {
  const controller = new ViewsController(root, terminal, viewsStrings[viewsLocale(document.documentElement.lang)]);
  await controller.start();
  return controller;
}
