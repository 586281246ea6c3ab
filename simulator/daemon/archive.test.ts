import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { readTar } from "../util/tar";
import { containerArchivePath, containerExtractToDir, containerStatPath } from "./archive";

describe("container archives (docker cp's daemon side)", () => {
  it("archives a path under its base name, a trailing /. as ./", async () => {
    const h = createHost();
    await h.run("docker run --name src busybox sh -c 'mkdir -p /out/d && echo one > /out/one && echo two > /out/d/two'");
    const names = (p: string) => readTar(containerArchivePath(h.daemon, "src", p).tar).map((e) => e.name);
    expect(names("/out")).toEqual(["out/", "out/d/", "out/d/two", "out/one"]);
    expect(names("/out/.")).toEqual(["./", "./d/", "./d/two", "./one"]);
    expect(names("/out/one")).toEqual(["one"]);
    expect(containerStatPath(h.daemon, "src", "/out/one")).toMatchObject({ name: "one", size: 4, type: "file", mode: 0o644 });
    expect(() => containerStatPath(h.daemon, "src", "/nosuch")).toThrow("Could not find the file /nosuch in container src");
  });
  it("extracts into an existing directory only, keeping the archive's owners, and not onto a read-only root", async () => {
    const h = createHost();
    await h.run("docker create --name dst busybox");
    await h.run("docker create --name ro --read-only busybox");
    const tar = containerArchivePath(h.daemon, "dst", "/etc/shadow").tar;
    containerExtractToDir(h.daemon, "dst", "/tmp", tar, { noOverwriteDirNonDir: true, copyUIDGID: false });
    expect((await h.run("docker start -a dst >/dev/null; docker cp dst:/tmp/shadow - | tar -tv")).stdout).toMatch(/^-rw-r----- root\/root /);
    expect(() => containerExtractToDir(h.daemon, "dst", "/nosuchdir", tar, { noOverwriteDirNonDir: true, copyUIDGID: false })).toThrow("Could not find the file /nosuchdir in container dst");
    expect(() => containerExtractToDir(h.daemon, "dst", "/etc/passwd", tar, { noOverwriteDirNonDir: true, copyUIDGID: false })).toThrow("extraction point is not a directory");
    expect(() => containerExtractToDir(h.daemon, "ro", "/tmp", tar, { noOverwriteDirNonDir: true, copyUIDGID: false })).toThrow("container rootfs is marked read-only");
  });
});
