/** The shell as BusyBox applets: sh and ash. */
import { registerApplet } from "../busybox";
import { shMain } from "./main";

registerApplet({ name: "sh", run: shMain });
registerApplet({ name: "ash", run: shMain });

export { shMain };
