/** The shell as BusyBox applets: sh and ash. */
import { registerApplet } from "../busybox";
import { bashMain, shMain } from "./main";

registerApplet({ name: "sh", run: (ctx) => shMain(ctx) });
registerApplet({ name: "ash", run: (ctx) => shMain(ctx) });

export { bashMain, shMain };
