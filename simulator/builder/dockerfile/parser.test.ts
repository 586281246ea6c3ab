import { describe, expect, it } from "vitest";
import { parseStages } from "./instructions";
import { processWord, processWords } from "./lex";
import { DockerfileError, parseDockerfile } from "./parser";

describe("Dockerfile parser", () => {
  it("joins continuations, drops comments inside them, keeps line numbers", () => {
    const r = parseDockerfile("FROM busybox\nRUN echo a \\\n# note\n  b \\\n\\\n  c\nCMD [\"x\"]\n");
    expect(r.nodes.map((n) => [n.cmd, n.args, n.startLine, n.endLine])).toEqual([
      ["FROM", ["busybox"], 1, 1],
      ["RUN", ["echo a   b   c"], 2, 6],
      ["CMD", ["x"], 7, 7],
    ]);
    expect(r.nodes[2].json).toBe(true);
  });

  it("honours the escape directive", () => {
    const r = parseDockerfile("# escape=`\nFROM busybox\nRUN echo one `\n  two\nRUN echo C:\\path\n");
    expect(r.escape).toBe("`");
    expect(r.nodes[1].args).toEqual(["echo one   two"]);
    expect(r.nodes[2].args).toEqual(["echo C:\\path"]);
  });

  it("reads here-documents", () => {
    const r = parseDockerfile("FROM busybox\nRUN <<EOF\necho hi\nEOF\nCOPY <<-X /f\n\tv\nX\n");
    expect(r.nodes[1].heredocs[0]).toMatchObject({ name: "EOF", content: "echo hi\n", expand: true });
    expect(r.nodes[2].heredocs[0]).toMatchObject({ name: "X", chomp: true });
  });

  it("reports errors with their lines and BuildKit's texts", () => {
    expect(() => parseDockerfile("# nothing\n")).toThrow("file with no instructions");
    expect(() => parseDockerfile("FROM busybox\nRUN <<EOF\nx\n")).toThrow(DockerfileError);
    const stages = (t: string) => parseStages(parseDockerfile(t).nodes);
    expect(() => stages("FROM busybox\nFOOBAR x\n")).toThrow("unknown instruction: FOOBAR");
    expect(() => stages("FROM busybox\nCOPY a\n")).toThrow("COPY requires at least two arguments, but only one was provided. Destination could not be determined");
    expect(() => stages("FROM busybox\nCOPY --nope=1 a b\n")).toThrow("unknown flag: nope");
    expect(() => stages("FROM busybox AS 1x\n")).toThrow('invalid name for build stage: "1x"');
    try {
      stages("FROM busybox\n\nENV\n");
    } catch (e) {
      expect((e as { loc: { startLine: number } }).loc.startLine).toBe(3);
    }
  });

  it("groups instructions into stages with ARGs before FROM kept apart", () => {
    const f = parseStages(parseDockerfile("ARG V=1\nFROM busybox AS Build\nRUN x\nFROM scratch\nCOPY --from=build /a /b\n").nodes);
    expect(f.metaArgs[0].args).toEqual([{ key: "V", value: "1" }]);
    expect(f.stages.map((s) => [s.name, s.baseName, s.commands.length])).toEqual([["build", "busybox", 1], ["", "scratch", 1]]);
  });
});

describe("variable substitution", () => {
  const env = new Map([["A", "x y"], ["E", ""], ["P", "a/b/c.txt"]]);
  it("expands with Docker's modifiers and quoting", () => {
    expect(processWord("$A-${A}", env)).toBe("x y-x y");
    expect(processWord("${U:-d} ${E:-d} ${E-d} ${A:+alt} ${U+alt}", env)).toBe("d d  alt ");
    expect(processWord("'$A' \"$A\" \\$A", env)).toBe("$A x y $A");
    expect(processWord("${P#*/} ${P##*/} ${P%/*} ${P%%/*}", env)).toBe("b/c.txt c.txt a/b a");
    expect(processWord("${P/\\//-} ${P//\\//-}", env)).toBe("a-b/c.txt a-b-c.txt");
    expect(() => processWord("${U:?must be set}", env)).toThrow("U: must be set");
    expect(() => processWord("${", env)).toThrow("missing '}'");
  });
  it("splits words on unquoted whitespace, including in values", () => {
    expect(processWords('a "b c" $A', env)).toEqual(["a", "b c", "x", "y"]);
  });
});
