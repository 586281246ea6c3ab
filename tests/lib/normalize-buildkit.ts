// BuildKit's plain progress output ("#N title", "#N DONE 0.2s", ...), made comparable.
// Vertex numbers and the order of vertices are racy (cached and parallel steps), so the output
// becomes a set of vertices keyed by their title, sorted, each with its own lines in order.
// The "#N sha256:..." lines that only the 20.10 client prints are dropped; durations, log
// timestamps and the transferred sizes of the context and the Dockerfile become placeholders.
// Everything else (CACHED, ERROR lines, RUN output, image names, the error box) is kept.

const VERTEX_LINE = /^#(\d+) (.*)$/;
const VERTEX_DIGEST = /^sha256:[0-9a-f]{64}$/;
const BOX_RULE = /^-{6,}$/;

/** True when the text holds BuildKit plain progress. */
export function hasBuildkitProgress(text: string): boolean {
  return /^#\d+ (\[|DONE |CACHED$|ERROR)/m.test(text) && /^#\d+ /m.test(text);
}

function normalizeVertexLine(content: string): string {
  const log = /^\d+\.\d+(?: (.*))?$/.exec(content);
  if (log) return log[1] === undefined ? '<t>' : `<t> ${log[1]}`;
  const transfer = /^transferring (context|dockerfile): [\d.]+[kMGT]?i?B(?: [\d.]+s)?( done)?$/.exec(content);
  if (transfer) return `transferring ${transfer[1]}: <size>${transfer[2] ?? ''}`;
  // a status prints its duration only when it took more than 10 ms: "exporting layers 0.0s done"
  // and "exporting layers done" are the same line
  return content.replace(/(?<= |^)\d+(?:\.\d+)?s(?= |$)/g, '<t>').replace(/ <t> done$/, ' done');
}

/**
 * Stages that start from the same image share one FROM vertex, and which stage names it (and
 * whether it shows as CACHED or DONE) is racy: "[x 1/2] FROM busybox" and "[y 1/2] FROM busybox"
 * are the same vertex.
 */
function sharedFrom(v: Vertex): Vertex {
  const m = /^\[\S+ 1\/\d+\] FROM (.+)$/.exec(v.title);
  if (!m) return v;
  return { title: `[<stage> 1/<n>] FROM ${m[1]}`, lines: v.lines.map((l) => (l === 'CACHED' ? 'DONE <t>' : l)) };
}

/**
 * Drops the progress prints of a status that the vertex later prints as done ("transferring
 * context:" or "exporting layers" before "... done"), the "..." that marks where parallel
 * output interrupted the vertex, and a repeated DONE or CACHED: how many appear depends on timing.
 */
function withoutProgress(lines: string[]): string[] {
  return lines.filter((line, i) => {
    if (line === '...') return false;
    // a vertex printed again when it ends once more (BuildKit re-prints finished vertices)
    if ((line === 'CACHED' || line.startsWith('DONE')) && lines.indexOf(line) < i) return false;
    if (line.endsWith(' done') || line === 'CACHED' || line.startsWith('DONE') || line.startsWith('ERROR') || line.startsWith('<t>')) return true;
    const status = line.replace(/ <size>$/, '');
    return !lines.slice(i + 1).some((later) => later.endsWith(' done') && later.startsWith(status));
  });
}

function normalizeTrailerLine(line: string): string {
  return line.replace(/^(?:#\d+ )?\d+\.\d+(?= |$)/, '<t>');
}

interface Vertex {
  title: string;
  lines: string[];
}

/** A sort key that does not depend on IDs (they are numbered later, in output order). */
function sortKey(v: Vertex): string {
  const mask = (s: string) => s.replace(/[0-9a-f]{12,}/g, 'x');
  return `${mask(v.title)}\n${v.lines.map(mask).join('\n')}`;
}

/** Rewrites BuildKit plain progress into its comparable form (see the file comment). */
export function restructureBuildkit(text: string): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const before: string[] = [];
  const after: string[] = [];
  const vertices = new Map<string, Vertex>();
  let inTrailer = false;
  for (const line of lines) {
    if (!inTrailer) {
      const m = VERTEX_LINE.exec(line);
      if (m) {
        const [, num, content] = m;
        const existing = vertices.get(num);
        if (!existing) {
          vertices.set(num, { title: content, lines: [] });
        } else if (content !== existing.title && !VERTEX_DIGEST.test(content)) {
          existing.lines.push(normalizeVertexLine(content));
        }
        continue;
      }
      if (line === '') continue;
      if (vertices.size === 0) {
        before.push(line);
        continue;
      }
      if (BOX_RULE.test(line)) inTrailer = true;
    }
    after.push(inTrailer ? normalizeTrailerLine(line) : line);
  }
  const sorted = [...vertices.values()].map(sharedFrom).sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const out = [...before];
  for (const v of sorted) {
    out.push(`#vertex ${v.title}`, ...withoutProgress(v.lines).map((l) => `  ${l}`));
  }
  out.push(...after);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
