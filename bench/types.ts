/** What a bench module reports: rows of one table, printed by bench/run.ts. */
export interface BenchRow {
  /** What was measured, e.g. "/sandbox/ first load JS". */
  metric: string;
  value: number;
  /** Unit of `value`, e.g. "B gz", "ms", "files". */
  unit: string;
  /** Anything a reader needs to interpret the number. */
  note?: string;
}

export interface BenchModule {
  /** Short name; `npm run bench -- <name>` runs only this module. */
  name: string;
  description: string;
  run(): Promise<BenchRow[]>;
}
