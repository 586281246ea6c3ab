// Tables the docker CLI prints through Go's text/tabwriter (ps, images, history, top, ...).
// A column is as wide as its widest cell plus the padding (3), and at least the minimum width
// (10 for the formatter's tables, 20 for `docker top`); the last column is not padded.
// When cells are normalised (an ID becomes a placeholder, "2 seconds ago" becomes
// "<duration> ago") the table is laid out again with the same rule, so that widths still
// follow the content. A block is only treated as a table when its layout is exactly what
// tabwriter makes for one of the known settings; anything else stays text.

export interface TabSettings {
  minwidth: number;
  padding: number;
}

export interface Table {
  /** Index of the header line and one past the last row. */
  start: number;
  end: number;
  settings: TabSettings;
  /** Header first; every row has one cell per column. */
  rows: string[][];
}

const CANDIDATES: TabSettings[] = [
  { minwidth: 10, padding: 3 },
  { minwidth: 20, padding: 3 },
  { minwidth: 0, padding: 3 },
];

const HEADER = /^[A-Z][A-Z0-9 %/:._()-]*[A-Z0-9%)]$/;

function columnStarts(header: string): number[] | undefined {
  if (!HEADER.test(header)) return undefined;
  const starts = [0];
  const gap = / {2,}/g;
  let m: RegExpExecArray | null;
  while ((m = gap.exec(header)) !== null) starts.push(m.index + m[0].length);
  return starts.length >= 2 ? starts : undefined;
}

function splitRow(line: string, starts: number[]): string[] | undefined {
  const last = starts[starts.length - 1];
  if (line.length < last) return undefined;
  const cells: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    if (i === starts.length - 1) {
      cells.push(line.slice(from));
      break;
    }
    const to = starts[i + 1];
    if (line[to - 1] !== ' ') return undefined;
    cells.push(line.slice(from, to).trimEnd());
  }
  return cells;
}

function widthOf(cells: string[][], column: number, s: TabSettings): number {
  let width = s.minwidth;
  for (const row of cells) width = Math.max(width, row[column].length + s.padding);
  return width;
}

function settingsFor(rows: string[][], starts: number[]): TabSettings | undefined {
  return CANDIDATES.find((s) =>
    starts.slice(0, -1).every((from, i) => starts[i + 1] - from === widthOf(rows, i, s)),
  );
}

/** Finds the tabwriter tables among the lines of an output. */
export function findTables(lines: string[]): Table[] {
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    const starts = columnStarts(lines[i]);
    if (!starts) {
      i++;
      continue;
    }
    const header = splitRow(lines[i], starts);
    const rows = header ? [header] : [];
    for (let j = i + 1; header && j < lines.length && lines[j] !== ''; j++) {
      const row = splitRow(lines[j], starts);
      if (!row) break;
      rows.push(row);
    }
    // Rows that break the layout end the table; try the longest prefix that is a valid table.
    let settings: TabSettings | undefined;
    while (rows.length > 0 && !(settings = settingsFor(rows, starts))) rows.pop();
    if (settings && rows.length > 0) {
      tables.push({ start: i, end: i + rows.length, settings, rows });
      i += rows.length;
    } else {
      i++;
    }
  }
  return tables;
}

/** Lays rows out as tabwriter does with the given settings. */
export function renderTable(rows: string[][], s: TabSettings): string[] {
  const columns = rows[0]?.length ?? 0;
  const widths = Array.from({ length: columns - 1 }, (_, c) => widthOf(rows, c, s));
  return rows.map((row) =>
    row.map((cell, c) => (c < columns - 1 ? cell.padEnd(widths[c]) : cell)).join(''),
  );
}
