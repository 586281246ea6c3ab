import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTar } from "./tar";

const dir = mkdtempSync(join(tmpdir(), "layerlab-tar-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const longName = `${"d".repeat(80)}/${"f".repeat(90)}.txt`;
mkdirSync(join(dir, "src", "d".repeat(80)), { recursive: true });
writeFileSync(join(dir, "src", "hello.txt"), "héllo\n");
writeFileSync(join(dir, "src", longName), "long\n");
writeFileSync(join(dir, "src", "big.bin"), Buffer.alloc(1500, 7));
symlinkSync("hello.txt", join(dir, "src", "link"));

function archive(format: string): Uint8Array {
  return new Uint8Array(execFileSync("tar", [`--format=${format}`, "-C", join(dir, "src"), "-cf", "-", "hello.txt", "link", "big.bin", longName]));
}

describe("readTar", () => {
  for (const format of ["gnu", "pax", "ustar"]) {
    it(`reads ${format} archives: files, symlinks, long names, sizes past one block`, () => {
      const entries = readTar(archive(format));
      const byName = new Map(entries.map((e) => [e.name, e]));
      expect(new TextDecoder().decode(byName.get("hello.txt")?.data)).toBe("héllo\n");
      expect(byName.get("hello.txt")?.type).toBe("file");
      expect(byName.get("link")).toMatchObject({ type: "symlink", linkName: "hello.txt" });
      expect(byName.get("big.bin")?.data).toEqual(new Uint8Array(1500).fill(7));
      expect(new TextDecoder().decode(byName.get(longName)?.data)).toBe("long\n");
    });
  }

  it("reads directories, and the mode", () => {
    const entries = readTar(new Uint8Array(execFileSync("tar", ["-C", dir, "-cf", "-", "src"])));
    expect(entries[0]).toMatchObject({ name: "src/", type: "directory" });
    expect(entries.find((e) => e.name === "src/hello.txt")?.mode).toBe(0o644);
  });

  it("rejects a damaged header and an archive cut inside an entry", () => {
    const a = archive("gnu");
    const bad = a.slice();
    bad[10] ^= 0xff;
    expect(() => readTar(bad)).toThrow(/checksum/);
    expect(() => readTar(a.slice(0, 1536 + 512 + 100))).toThrow(/ends inside/); // inside big.bin
  });

  it("an empty archive has no entries", () => {
    expect(readTar(new Uint8Array(1024))).toEqual([]);
  });
});
