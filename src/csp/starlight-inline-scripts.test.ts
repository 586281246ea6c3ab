import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptBodies, sha256Source, starlightInlineScriptHashes } from "./starlight-inline-scripts";

describe("Starlight inline script hashes", () => {
  it("extracts the exact bodies of is:inline scripts and nothing else", () => {
    const source = [
      "---\nconst x = 1;\n---",
      "<script is:inline>\n\tconsole.log(1);\n</script>",
      '<script is:inline aria-hidden="true">a()</script>',
      "<script>import './bundled';</script>",
    ].join("\n");
    expect(inlineScriptBodies(source)).toEqual(["\n\tconsole.log(1);\n", "a()"]);
  });

  it("hashes as browsers do (sha256 of the UTF-8 body, base64)", () => {
    const body = "\n\tStarlightThemeProvider.updatePickers();\n";
    expect(sha256Source(body)).toBe(`sha256-${createHash("sha256").update(body).digest("base64")}`);
    expect(sha256Source("")).toBe("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  });

  it("finds Starlight's inline scripts in the installed package", () => {
    const hashes = starlightInlineScriptHashes();
    expect(hashes.length).toBeGreaterThanOrEqual(4);
    expect(hashes).toContain(sha256Source("\n\tStarlightThemeProvider.updatePickers();\n"));
  });
});
