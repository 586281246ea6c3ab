/**
 * <layerlab-terminal>: a placeholder that costs almost nothing on first load. When it becomes
 * visible (or gets keyboard focus) it loads xterm and the simulator and starts a session.
 */
import type { Host } from "../../simulator/host/host";
import type { BootedTerminal } from "./boot";
import { loadXtermStylesheet } from "./stylesheet";

export class LayerlabTerminal extends HTMLElement {
  #booted: Promise<BootedTerminal> | undefined;
  #observer: IntersectionObserver | undefined;
  /** The host the terminal opens on (set before it starts); a fresh simulated host when unset. */
  host: Host | undefined;
  /** Command history the first shell starts with (set before it starts). */
  history: readonly string[] = [];

  connectedCallback(): void {
    // data-defer: the page starts the terminal itself, once it knows the host (the sandbox),
    // which is at once: its stylesheet can start loading now
    if (this.hasAttribute("data-defer")) {
      void loadXtermStylesheet().catch(() => {});
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.start();
    });
    this.#observer.observe(this);
    this.addEventListener("focusin", () => this.start(), { once: true });
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    void this.#booted?.then((booted) => booted.dispose());
    this.#booted = undefined;
  }

  /** Loads and opens the terminal once; later calls return the same promise. */
  start(): Promise<BootedTerminal> {
    if (this.#booted) return this.#booted;
    this.#observer?.disconnect();
    const screen = this.querySelector<HTMLElement>("[data-terminal-screen]");
    const status = this.querySelector<HTMLElement>("[data-terminal-status]");
    if (!screen) return Promise.reject(new Error("layerlab-terminal: missing [data-terminal-screen]"));
    void loadXtermStylesheet().catch(() => {});
    this.#booted = import("./boot")
      .then(({ bootTerminal }) => bootTerminal(screen, this.host, this.history))
      .then((booted) => {
        status?.remove();
        // The placeholder was a tab stop so that the keyboard could reach the terminal before it
        // loaded; now xterm's own input takes that place.
        const hadFocus = document.activeElement === screen;
        screen.removeAttribute("tabindex");
        if (hadFocus) booted.xterm.terminal.focus();
        this.dataset.state = "ready";
        return booted;
      })
      .catch((error: unknown) => {
        this.dataset.state = "failed";
        if (status) status.textContent = this.dataset.failed ?? "The terminal could not be loaded.";
        throw error;
      });
    return this.#booted;
  }

  /** The terminal's text (for tests and tools); empty until the terminal has loaded. */
  async screenText(): Promise<string> {
    return this.#booted ? (await this.#booted).xterm.screenText() : "";
  }

  /** Moves keyboard focus into the terminal. */
  async focusTerminal(): Promise<void> {
    (await this.start()).xterm.terminal.focus();
  }
}

if (!customElements.get("layerlab-terminal")) customElements.define("layerlab-terminal", LayerlabTerminal);
