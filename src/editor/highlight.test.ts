import { describe, expect, it } from "vitest";
import { highlight, languageOf, type Token } from "./highlight";

/** Tokens as "cls:text" (plain text as "text"), per line. */
function show(lines: Token[][]): string[][] {
  return lines.map((l) => l.map((t) => (t.cls ? `${t.cls}:${t.text}` : t.text)));
}

describe("languageOf", () => {
  it("finds Dockerfiles and ignore files by name", () => {
    expect(languageOf("Dockerfile")).toBe("dockerfile");
    expect(languageOf("app/Dockerfile.dev")).toBe("dockerfile");
    expect(languageOf("web.Dockerfile")).toBe("dockerfile");
    expect(languageOf("Containerfile")).toBe("dockerfile");
    expect(languageOf("app/.dockerignore")).toBe("dockerignore");
    expect(languageOf("Dockerfile.dockerignore")).toBe("dockerignore");
    expect(languageOf("main.go")).toBe("plain");
    expect(languageOf("Dockerfiles/readme")).toBe("plain");
  });
});

describe("Dockerfile highlighting", () => {
  it("marks directives, comments, instructions, flags, strings and variables", () => {
    const text = [
      "# syntax=docker/dockerfile:1",
      "# a comment",
      "FROM busybox AS build",
      'COPY --chown=1000:1000 --from=build a.txt "/dest dir/"',
      'ENV GREETING="hi $USER" PATH=$PATH:/app',
      "RUN echo ${GREETING} 'no $expansion'",
      "bogus thing",
    ].join("\n");
    expect(show(highlight(text, "dockerfile"))).toEqual([
      ["directive:# syntax=docker/dockerfile:1"],
      ["comment:# a comment"],
      ["keyword:FROM", " busybox ", "keyword:AS", " build"],
      ["keyword:COPY", " ", "flag:--chown=1000:1000", " ", "flag:--from=build", " a.txt ", 'string:"/dest dir/"'],
      ["keyword:ENV", " GREETING=", 'string:"hi ', "variable:$USER", 'string:"', " PATH=", "variable:$PATH", ":/app"],
      ["keyword:RUN", " echo ", "variable:${GREETING}", " ", "string:'no $expansion'"],
      ["unknown:bogus", " thing"],
    ]);
  });

  it("follows continuation lines, and an escape directive's backtick", () => {
    expect(show(highlight("RUN a && \\\n    b --flag\nrun c", "dockerfile"))).toEqual([
      ["keyword:RUN", " a && ", "continuation:\\"],
      ["    b ", "flag:--flag"],
      ["keyword:run", " c"],
    ]);
    expect(show(highlight("# escape=`\nRUN dir c:\\ `\n  /w", "dockerfile"))).toEqual([
      ["directive:# escape=`"],
      ["keyword:RUN", " dir c:\\ ", "continuation:`"],
      ["  /w"],
    ]);
  });

  it("is not fooled by a directive after the first instruction, or a comment inside a continuation", () => {
    expect(show(highlight("FROM busybox\n# syntax=x\nRUN a \\\n# note\n  b", "dockerfile"))).toEqual([
      ["keyword:FROM", " busybox"],
      ["comment:# syntax=x"],
      ["keyword:RUN", " a ", "continuation:\\"],
      ["comment:# note"],
      ["  b"],
    ]);
  });

  it("shows heredoc bodies up to their terminator", () => {
    expect(show(highlight("RUN <<EOF\necho $HOME\nEOF\nCMD x", "dockerfile"))).toEqual([
      ["keyword:RUN", " ", "heredoc:<<EOF"],
      ["heredoc:echo $HOME"],
      ["heredoc:EOF"],
      ["keyword:CMD", " x"],
    ]);
  });

  it("keeps every character: the tokens join back to the text", () => {
    const text = "FROM a\n\nRUN 'x\" $ ${ <<\n\t\\\\\nEXPOSE 80/tcp";
    expect(
      highlight(text, "dockerfile")
        .map((l) => l.map((t) => t.text).join(""))
        .join("\n"),
    ).toBe(text);
  });
});

describe(".dockerignore highlighting", () => {
  it("marks comments and exceptions", () => {
    expect(show(highlight("# build output\nnode_modules\n!keep.txt", "dockerignore"))).toEqual([["comment:# build output"], ["node_modules"], ["negation:!", "keep.txt"]]);
  });
  it("leaves other files plain", () => {
    expect(show(highlight("FROM x\n# y", "plain"))).toEqual([["FROM x"], ["# y"]]);
  });
});
