/**
 * Go's text/tabwriter (the copy docker keeps in cli/command/formatter/tabwriter), without the
 * flags docker never sets: elastic tabstops where cells are terminated by '\t' (or '\v'), lines by
 * '\n' (or '\f', which also flushes). Cell widths are display widths (East Asian wide
 * characters count 2, combining marks 0), as docker's copy measures them with go-runewidth.
 *
 * Every docker table is written through `new TabWriter(10, 1, 3, " ")` (see DOCKER_TABLE).
 */

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

function runeWidth(cp: number): number {
  if (cp === 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (/\p{Mn}|\p{Me}/u.test(String.fromCodePoint(cp)) || cp === 0x200b) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** Display width of a string, as go-runewidth's StringWidth computes it. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += runeWidth(ch.codePointAt(0)!);
  return w;
}

export class TabWriter {
  private out = "";
  private lines: Cell[][] = [[]];
  private cell = "";
  private widths: number[] = [];

  constructor(
    readonly minwidth: number,
    readonly tabwidth: number,
    readonly padding: number,
    readonly padchar: string,
  ) {}

  write(text: string): void {
    for (const ch of text) {
      if (ch === "\t" || ch === "\v" || ch === "\n" || ch === "\f") {
        const ncells = this.terminateCell(ch === "\t");
        if (ch === "\n" || ch === "\f") {
          this.lines.push([]);
          if (ch === "\f" || ncells === 1) this.flushInternal();
        }
      } else this.cell += ch;
    }
  }

  /** Flushes buffered text and returns everything written so far. */
  flush(): string {
    this.flushInternal();
    const s = this.out;
    this.out = "";
    return s;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: displayWidth(this.cell), htab });
    this.cell = "";
    return line.length;
  }

  private flushInternal(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let th = line0; th < line1; th++) {
      let line = this.lines[th];
      if (column >= line.length - 1) continue;
      this.writeLines(line0, th);
      line0 = th;
      let width = this.minwidth;
      for (; th < line1; th++) {
        line = this.lines[th];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.padding;
        if (w > width) width = w;
      }
      this.widths.push(width);
      this.format(line0, th);
      this.widths.pop();
      line0 = th;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.writePadding(c.width, this.widths[j]);
      });
      if (i + 1 < this.lines.length) this.out += "\n";
    }
  }

  private writePadding(textw: number, cellw: number): void {
    if (this.padchar === "\t") {
      if (this.tabwidth === 0) return;
      const n = Math.ceil((cellw - textw) / this.tabwidth);
      this.out += "\t".repeat(Math.max(n, 0));
      return;
    }
    if (cellw > textw) this.out += this.padchar.repeat(cellw - textw);
  }
}

/** docker's table writer: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0). */
export function dockerTableWriter(): TabWriter {
  return new TabWriter(10, 1, 3, " ");
}

/** Aligns tab-separated text the way every docker table does. */
export function alignTable(text: string): string {
  const w = dockerTableWriter();
  w.write(text);
  return w.flush();
}
