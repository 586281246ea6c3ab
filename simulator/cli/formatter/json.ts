/** JSON as Go's json.MarshalIndent(v, "", "    ") prints it (docker inspect's output), with <, >, & escaped. */
export function encodeIndented(v: unknown): string {
  const s = JSON.stringify(v, null, 4);
  if (s === "[]") return "[]";
  return s.replace(/[<>&]/g, (c) => "\\u00" + c.charCodeAt(0).toString(16).padStart(2, "0"));
}
