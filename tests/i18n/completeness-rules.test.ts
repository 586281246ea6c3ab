/** The rules of tests/i18n/completeness.ts on small pages: each difference is caught. */
import { describe, expect, it } from "vitest";
import { compareLessons, linkedLessons, linksOutOfLocale } from "./completeness";

const english = `---
title: Lesson
order: 3
minutes: 10
objectives:
  - One.
  - Two.
prerequisites:
  - first-container
---

Text with [a link](/sandbox/).

<Run>{"docker ps -a"}</Run>

\`\`\`console
$ docker ps -a
CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
\`\`\`

<Exercise id="lesson/one" />
`;

const japanese = english
  .replace("title: Lesson", "title: レッスン")
  .replace("  - One.\n  - Two.", "  - 一つ目。\n  - 二つ目。")
  .replace("Text with [a link](/sandbox/).", "[リンク](/ja/sandbox/)のある文。");

describe("completeness rules", () => {
  it("a faithful translation has no problems and no links out of its locale", () => {
    expect(compareLessons(english, japanese)).toEqual([]);
    expect(linksOutOfLocale(japanese, "ja")).toEqual([]);
  });

  it("a changed Run command is caught", () => {
    const p = compareLessons(english, japanese.replace(`{"docker ps -a"}`, `{"docker ps"}`));
    expect(p.join("\n")).toMatch(/<Run> commands differ/);
  });

  it("a missing or renamed exercise is caught", () => {
    expect(compareLessons(english, japanese.replace(`<Exercise id="lesson/one" />`, "")).join("\n")).toMatch(/<Exercise> ids differ/);
    expect(compareLessons(english, japanese.replace("lesson/one", "lesson/two")).join("\n")).toMatch(/<Exercise> ids differ/);
  });

  it("a translated console block is caught", () => {
    const p = compareLessons(english, japanese.replace("CONTAINER ID", "コンテナ ID"));
    expect(p.join("\n")).toMatch(/console blocks differ/);
  });

  it("a console block marked for the simulator is compared too", () => {
    const marked = (page: string) => page.replace("```console\n", "```console replay=simulator\n");
    expect(compareLessons(marked(english), marked(japanese))).toEqual([]);
    const p = compareLessons(marked(english), marked(japanese).replace("CONTAINER ID", "コンテナ ID"));
    expect(p.join("\n")).toMatch(/console blocks differ/);
  });

  it("a changed order, minutes or prerequisite and a dropped objective are caught", () => {
    expect(compareLessons(english, japanese.replace("order: 3", "order: 4")).join("\n")).toMatch(/order differs/);
    expect(compareLessons(english, japanese.replace("minutes: 10", "minutes: 12")).join("\n")).toMatch(/minutes differs/);
    expect(compareLessons(english, japanese.replace("  - first-container\n", "  - namespaces\n")).join("\n")).toMatch(/prerequisites differs/);
    expect(compareLessons(english, japanese.replace("  - 二つ目。\n", "")).join("\n")).toMatch(/objectives: 2 in English, 1 translated/);
  });

  it("links to English pages are caught, in Markdown and in href, but not inside code", () => {
    const page = "[a](/lessons/cgroups/) and <a href=\"/sandbox/\">b</a> and [c](/ja/lessons/cgroups/)\n`[d](/lessons/x/)`\n";
    expect(linksOutOfLocale(page, "ja")).toEqual(["/lessons/cgroups/", "/sandbox/"]);
    expect(linkedLessons(page, "ja")).toEqual(["cgroups"]);
  });
});
