import { describe, expect, it } from "vitest";
import { readTar, writeTar } from "../../util/tar";
import { cleanPath, rebaseEntries, splitDirEntry } from "./archive-fs";

describe("docker cp path helpers", () => {
  it("splits paths as SplitPathDirEntry does, keeping a trailing /. as the base", () => {
    expect(splitDirEntry("/out/one")).toEqual(["/out", "one"]);
    expect(splitDirEntry("/out/")).toEqual(["/", "out"]);
    expect(splitDirEntry("/out/.")).toEqual(["/out", "."]);
    expect(splitDirEntry("rel")).toEqual([".", "rel"]);
    expect(splitDirEntry("/")).toEqual(["/", "/"]);
    expect(cleanPath("/a/./b/../c//")).toBe("/a/c");
  });
  it("renames the top entry of an archive", () => {
    const tar = writeTar([
      { name: "./", type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: 0, size: 0 },
      { name: "./one", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 1, data: new Uint8Array([49]) },
    ]);
    expect(readTar(rebaseEntries(tar, ".", "contents")).map((e) => e.name)).toEqual(["contents/", "contents/one"]);
  });
});
