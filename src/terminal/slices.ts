/**
 * In the browser, simulated hosts cut long commands into slices of about 12 ms of main-thread
 * work, so that typing, Ctrl-C and drawing stay responsive while a script runs.
 */
import { Host } from "../../simulator/host/host";

Host.defaultWallClock = () => performance.now();
