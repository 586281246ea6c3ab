/**
 * The text of a rendered slot: `<Run>docker ps -a</Run>` gives Astro the slot as HTML, with `&`,
 * `<`, `>` and quotes escaped and, in some MDX layouts, wrapped in a paragraph. A command is the
 * plain text: tags dropped, character references decoded, whitespace runs made single spaces.
 */
const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function slotText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] === "#") {
        const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return named[ref.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}
