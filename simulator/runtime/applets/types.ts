/** A BusyBox applet: its name and what it does with a process context. */
import type { ProcessContext } from "../program";

export interface Applet {
  name: string;
  /** One-line usage as BusyBox prints it after "Usage: " (for --help and usage errors). */
  usage?: string;
  run(ctx: ProcessContext): Promise<number>;
}
