/**
 * Layerlab's simulated Docker host. createHost() wires cli -> daemon -> snapshots -> runtime;
 * host.openSession(port) puts an interactive shell on a terminal. See ARCHITECTURE.md.
 */
export { createHost, Host, type HostOptions, type RunResult } from "./host/host";
export { Session } from "./terminal/session";
export type { TerminalPort, TerminalSession } from "./terminal/port";
