/**
 * <layerlab-sandbox>: the sandbox page's controls around its terminal. On first load it is only
 * this: it loads the controller (with the simulator, the saved host and the editor) at once and
 * hands it the terminal, which waits for it (data-defer) so that it opens on the right host.
 */
import type { SandboxController } from "./controller";
import type { LayerlabTerminal } from "../terminal/element";

export class LayerlabSandbox extends HTMLElement {
  #started: Promise<SandboxController> | undefined;

  connectedCallback(): void {
    void this.start().catch(() => {});
  }

  /** Loads the controller once; later calls return the same promise. */
  start(): Promise<SandboxController> {
    if (this.#started) return this.#started;
    const q = <T extends HTMLElement>(selector: string) => this.querySelector<T>(selector);
    // xterm is fetched while the controller restores the host, not after
    void import("../terminal/boot").catch(() => {});
    this.#started = customElements
      .whenDefined("layerlab-terminal")
      .then(() => import("./controller"))
      .then(({ SandboxController }) =>
        SandboxController.start(
          {
            root: this,
            terminal: q<LayerlabTerminal>("layerlab-terminal")!,
            undo: q<HTMLButtonElement>("[data-sandbox-undo]")!,
            reset: q<HTMLButtonElement>("[data-sandbox-reset]")!,
            link: q<HTMLButtonElement>("[data-sandbox-link]")!,
            linkOutput: q<HTMLInputElement>("[data-sandbox-link-output]")!,
            linkBox: q<HTMLElement>("[data-sandbox-link-box]")!,
            status: q<HTMLElement>("[data-sandbox-status]")!,
            editorRoot: q<HTMLElement>("[data-editor-root]"),
          },
          this.dataset.locale === "ja" ? "ja" : "en",
        ),
      )
      .catch((error: unknown) => {
        this.dataset.state = "failed";
        const status = q<HTMLElement>("[data-sandbox-status]");
        if (status) {
          status.textContent = `${this.dataset.failed ?? "The sandbox could not be loaded."} (${error instanceof Error ? error.message : String(error)})`;
          status.classList.add("is-problem");
        }
        throw error;
      });
    return this.#started;
  }
}

if (!customElements.get("layerlab-sandbox")) customElements.define("layerlab-sandbox", LayerlabSandbox);
