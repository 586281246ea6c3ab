/** Editing code-table.ts as text: new ids go at the end of the list, nothing else changes. */
export function appendToCodeTable(source: string, ids: readonly string[]): string {
  const end = source.lastIndexOf("];");
  if (end < 0) throw new Error("code-table.ts: cannot find the end of the list");
  const lines = ids.map((id) => `  ${JSON.stringify(id)},\n`).join("");
  return source.slice(0, end) + lines + source.slice(end);
}
