/** A container's state, with Docker's state names and the transitions moby's container/state.go makes. */
export type StateStatus = "created" | "running" | "paused" | "restarting" | "removing" | "exited" | "dead";

/** State.Health of a container with a health check. */
export interface Health {
  Status: "starting" | "healthy" | "unhealthy";
  FailingStreak: number;
  Log: Array<{ Start: string; End: string; ExitCode: number; Output: string }>;
}

export interface ContainerState {
  Status: StateStatus;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  StartedAt: string;
  FinishedAt: string;
  Health?: Health;
}

/** Go's zero time, as inspect shows for a container that never started or never stopped. */
export const ZERO_TIME = "0001-01-01T00:00:00Z";

export function newState(): ContainerState {
  return { Status: "created", Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false, Pid: 0, ExitCode: 0, Error: "", StartedAt: ZERO_TIME, FinishedAt: ZERO_TIME };
}

/** RFC 3339 with nanoseconds, trailing zeros trimmed, as Go's time.RFC3339Nano prints. */
export function rfc3339(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2024-01-01T00:00:00.000Z
  const [base, frac] = iso.slice(0, -1).split(".");
  const f = (frac ?? "").replace(/0+$/, "");
  return f ? `${base}.${f}Z` : `${base}Z`;
}

export function setRunning(s: ContainerState, pid: number, now: number): void {
  Object.assign(s, { Status: "running", Running: true, Paused: false, Restarting: false, OOMKilled: false, Dead: false, Pid: pid, ExitCode: 0, Error: "", StartedAt: rfc3339(now) });
}

export function setStopped(s: ContainerState, exitCode: number, oomKilled: boolean, now: number): void {
  Object.assign(s, { Status: "exited", Running: false, Paused: false, Restarting: false, Pid: 0, ExitCode: exitCode, OOMKilled: oomKilled, FinishedAt: rfc3339(now) });
}

export function setRestarting(s: ContainerState, exitCode: number, now: number): void {
  Object.assign(s, { Status: "restarting", Running: true, Paused: false, Restarting: true, Pid: 0, ExitCode: exitCode, FinishedAt: rfc3339(now) });
}

export function setPaused(s: ContainerState, paused: boolean): void {
  s.Paused = paused;
  s.Status = paused ? "paused" : "running";
}
