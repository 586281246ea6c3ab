/** The daemon's event stream (docker events), kept in memory with a small cap. */
export interface DaemonEvent {
  Type: "container" | "image" | "volume" | "network" | "builder";
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  time: number;
}

export class Events {
  readonly log: DaemonEvent[] = [];
  private listeners = new Set<(e: DaemonEvent) => void>();
  static readonly CAP = 1000;

  emit(e: DaemonEvent): void {
    this.log.push(e);
    if (this.log.length > Events.CAP) this.log.shift();
    for (const l of this.listeners) l(e);
  }

  subscribe(l: (e: DaemonEvent) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
