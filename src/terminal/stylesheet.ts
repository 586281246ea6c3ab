/**
 * xterm's stylesheet, as a file of this site added when a terminal is about to open (a <link> to
 * our own origin, which the CSP allows); pages without a terminal never load it. It is asked for
 * as early as the page knows a terminal will open, so that it downloads beside the terminal's
 * scripts instead of after them.
 */
import xtermStylesheet from "@xterm/xterm/css/xterm.css?url";

let loaded: Promise<void> | undefined;

/** Adds the stylesheet once; resolves when it has loaded. */
export function loadXtermStylesheet(): Promise<void> {
  loaded ??= new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = xtermStylesheet;
    link.addEventListener("load", () => resolve(), { once: true });
    link.addEventListener("error", () => reject(new Error(`could not load ${xtermStylesheet}`)), { once: true });
    document.head.append(link);
  });
  return loaded;
}
