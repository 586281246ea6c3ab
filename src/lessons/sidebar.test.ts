import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { frontmatterOf, lessonSidebarItems, readLessonFiles } from "./sidebar";
import { lessonFields } from "./frontmatter";

const made: string[] = [];
function lessonsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "layerlab-lessons-"));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const lesson = (title: string, order: number | string) => `---\ntitle: ${title}\norder: ${order}\n---\n\nBody.\n`;

describe("lesson sidebar", () => {
  it("orders lessons by frontmatter, not by folder name", () => {
    const dir = lessonsDir({
      "a-last/index.mdx": lesson("Last", 3),
      "b-first/index.mdx": lesson("First", 1),
      "c-middle/index.md": lesson("Middle", 2),
    });
    expect(lessonSidebarItems(dir)).toEqual(["lessons/b-first", "lessons/c-middle", "lessons/a-last"]);
  });

  it("ignores folders starting with _ and files beside the lessons", () => {
    const dir = lessonsDir({
      "one/index.mdx": lesson("One", 1),
      "one/context/README.md": "# not a page\n",
      "_drafts/index.mdx": lesson("Draft", 1),
      "notes.md": "# stray\n",
    });
    expect(lessonSidebarItems(dir)).toEqual(["lessons/one"]);
  });

  it("reports every problem at once: missing or bad order, duplicates, missing index, bad names", () => {
    const dir = lessonsDir({
      "no-order/index.mdx": "---\ntitle: No order\n---\n",
      "bad-order/index.mdx": lesson("Bad", "first"),
      "dup-a/index.mdx": lesson("A", 5),
      "dup-b/index.mdx": lesson("B", 5),
      "empty/context/Dockerfile": "FROM busybox\n",
      "Bad_Name/index.mdx": lesson("Bad name", 9),
      "no-title/index.mdx": "---\norder: 7\n---\n",
    });
    let message = "";
    try {
      readLessonFiles(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/no-order\/index\.mdx: order:/);
    expect(message).toMatch(/bad-order\/index\.mdx: order:/);
    expect(message).toMatch(/dup-a and dup-b both have order 5|dup-b and dup-a both have order 5/);
    expect(message).toMatch(/empty\/: no index\.mdx/);
    expect(message).toMatch(/Bad_Name\/: folder names/);
    expect(message).toMatch(/no-title\/index\.mdx: title:/);
  });

  it("reads frontmatter only from the top of a file", () => {
    expect(frontmatterOf("---\ntitle: A\n---\nbody")).toBe("title: A");
    expect(frontmatterOf("---\r\ntitle: A\r\n---\r\n")).toBe("title: A");
    expect(frontmatterOf("text\n---\ntitle: A\n---\n")).toBeUndefined();
  });

  it("a missing lessons folder is an empty course", () => {
    expect(lessonSidebarItems(join(tmpdir(), "layerlab-no-such-dir-" + process.pid))).toEqual([]);
  });
});

describe("the lessons in content/lessons", () => {
  it("all have valid frontmatter with unique orders", () => {
    const dir = fileURLToPath(new URL("../../content/lessons/", import.meta.url));
    const lessons = readLessonFiles(dir);
    expect(lessons.length).toBeGreaterThan(0);
    expect(lessons.map((l) => l.order)).toEqual([...lessons.map((l) => l.order)].sort((a, b) => a - b));
  });
});

describe("lesson frontmatter schema", () => {
  it("describes every field", () => {
    for (const [name, field] of Object.entries(lessonFields.shape)) {
      expect(field.description, `field ${name}`).toBeTruthy();
    }
  });

  it("rejects bad values", () => {
    expect(lessonFields.safeParse({ order: 0 }).success).toBe(false);
    expect(lessonFields.safeParse({ order: 1.5 }).success).toBe(false);
    expect(lessonFields.safeParse({ minutes: -3 }).success).toBe(false);
    expect(lessonFields.safeParse({ prerequisites: ["Not A Slug"] }).success).toBe(false);
    expect(lessonFields.parse({ order: 2 })).toEqual({ order: 2, objectives: [], prerequisites: [] });
  });
});
