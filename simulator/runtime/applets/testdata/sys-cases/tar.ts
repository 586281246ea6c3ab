/** tar: create, list and extract, compared with the lab image's BusyBox. */
import { base64Decode } from "../../../../util/bytes";
import type { LabFile } from "../sys-lab";
import type { SysCase } from "../sys-case";
import { BB_TAR, PAX_TAR, TRICKY_TAR } from "../sys-tar-fixtures";

const W = (path: string, content: string, extra: Partial<LabFile> = {}): LabFile => ({ path, content, ...extra });
const TREE: LabFile[] = [
  W("/w/d/a", "hello\n"),
  { path: "/w/d/s", type: "symlink", target: "a" },
  { path: "/w/d/h", type: "hardlink", target: "/w/d/a" },
  { path: "/w/d/sub", type: "dir" },
  W("/w/d/sub/n", "x\n", { uid: 4242, gid: 4242 }),
  W("/w/one/only", "only\n", { mode: 0o640 }),
];
const LONG = "l".repeat(110);
const bb = (path = "/w/t.tar"): LabFile => ({ path, b64: BB_TAR });
const tricky = (path = "/w/x.tar"): LabFile => ({ path, b64: TRICKY_TAR });
const STAT = ["stat", "-c", "%A %u %g %s %N"];
/** The archive as a string of byte values (docker exec sends stdin as text; these archives are ASCII). */
const raw = (b64: string) => String.fromCharCode(...base64Decode(b64));

export const cases: SysCase[] = [
  { name: "create explicit members, list, checksum", files: TREE, cwd: "/w", steps: [["tar", "cf", "/tmp/t.tar", "d/a", "d/s", "d/h"], ["tar", "tvf", "/tmp/t.tar"], ["md5sum", "/tmp/t.tar"]] },
  { name: "create to stdout", files: TREE, cwd: "/w", steps: [["tar", "cf", "-", "d/a", "d/s", "d/h", "d/sub/n"]] },
  { name: "create -v to a file lists on stdout", files: TREE, cwd: "/w", steps: [["tar", "-cvf", "/tmp/t.tar", "one"], ["md5sum", "/tmp/t.tar"]] },
  { name: "create -v to stdout lists on stderr", files: TREE, cwd: "/w", steps: [["tar", "cvf", "-", "one"]] },
  { name: "create with -C", files: TREE, steps: [["tar", "-C", "/w", "-cf", "/tmp/t.tar", "one/only"], ["tar", "-tvf", "/tmp/t.tar"]] },
  { name: "create a long name", files: [W(`/w/${LONG}`, "long\n")], cwd: "/w", steps: [["tar", "cf", "/tmp/t.tar", LONG], ["tar", "tf", "/tmp/t.tar"], ["md5sum", "/tmp/t.tar"]] },
  { name: "create absolute path", files: TREE, steps: [["tar", "cf", "/tmp/t.tar", "/w/one/only"], ["tar", "tf", "/tmp/t.tar"]] },
  { name: "create missing file", files: TREE, cwd: "/w", steps: [["tar", "cf", "/tmp/t.tar", "nosuch", "one/only"], ["tar", "tf", "/tmp/t.tar"]] },
  { name: "create with no files", steps: [["tar", "cf", "/tmp/t.tar"]] },
  { name: "create into itself", files: TREE, cwd: "/w", steps: [["tar", "cf", "one/self.tar", "one"], ["tar", "tf", "one/self.tar"]] },
  { name: "create --no-recursion", files: TREE, cwd: "/w", steps: [["tar", "--no-recursion", "-cf", "/tmp/t.tar", "one"], ["tar", "tf", "/tmp/t.tar"]] },
  { name: "create -h follows links", files: TREE, cwd: "/w", steps: [["tar", "-chf", "/tmp/t.tar", "d/s"], ["tar", "tvf", "/tmp/t.tar"]] },
  { name: "create unreadable file as nobody", user: "nobody", files: [W("/tmp/w/secret", "s\n", { mode: 0o600 }), W("/tmp/w/open", "o\n")], cwd: "/tmp/w", steps: [["tar", "cf", "/tmp/t.tar", "secret", "open"], ["tar", "tf", "/tmp/t.tar"]] },
  { name: "create unknown owner names", files: TREE, cwd: "/w", steps: [["tar", "cf", "/tmp/t.tar", "d/sub/n"], ["tar", "tvf", "/tmp/t.tar"], ["md5sum", "/tmp/t.tar"]] },
  { name: "create -z then list -z", files: TREE, cwd: "/w", steps: [["tar", "czf", "/tmp/t.tgz", "one"], ["tar", "tzvf", "/tmp/t.tgz"]] },
  { name: "create to an unwritable place", files: TREE, cwd: "/w", steps: [["tar", "cf", "/nonexist/t.tar", "one"]] },
  { name: "list", files: [bb()], steps: [["tar", "tf", "/w/t.tar"]] },
  { name: "list verbose", files: [bb()], steps: [["tar", "tvf", "/w/t.tar"]] },
  { name: "list verbose --numeric-owner", files: [bb()], steps: [["tar", "--numeric-owner", "-tvf", "/w/t.tar"]] },
  { name: "list members", files: [bb()], steps: [["tar", "tf", "/w/t.tar", "d/sub", "d/a"]] },
  { name: "list a glob", files: [bb()], steps: [["tar", "tf", "/w/t.tar", "d/?"]] },
  { name: "list member not found", files: [bb()], steps: [["tar", "tf", "/w/t.tar", "d/a", "nothere"]] },
  { name: "list from stdin", steps: [["tar", "tvf", "-"]], stdin: raw(BB_TAR) },
  { name: "list -tvv", files: [bb()], steps: [["tar", "-tvvf", "/w/t.tar"]] },
  { name: "list tricky names", files: [tricky()], steps: [["tar", "tvf", "/w/x.tar"]] },
  { name: "list a pax archive", files: [{ path: "/w/p.tar", b64: PAX_TAR }], steps: [["tar", "tvf", "/w/p.tar"]] },
  { name: "list missing archive", steps: [["tar", "tf", "/nosuch.tar"]] },
  { name: "list not an archive", steps: [["tar", "tf", "/etc/passwd"]] },
  { name: "list empty input", steps: [["tar", "tf", "-"]], stdin: "" },
  { name: "list short input", steps: [["tar", "tf", "-"]], stdin: "x".repeat(100) },
  { name: "list zeros", steps: [["tar", "tf", "-"]], stdin: "\0".repeat(1024) },
  { name: "list truncated data", steps: [["tar", "tf", "-"]], stdin: raw(BB_TAR).slice(0, 600) },
  { name: "list bad checksum", steps: [["tar", "tf", "-"]], stdin: "d" + raw(BB_TAR).slice(1) },
  { name: "list -z of plain tar", files: [bb()], steps: [["tar", "tzf", "/w/t.tar"]] },
  { name: "no mode", steps: [["tar", "f", "/w/t.tar"]] },
  { name: "two modes", steps: [["tar", "-c", "-t", "-f", "x"]] },
  { name: "missing -f argument", steps: [["tar", "cf"]] },
  { name: "unknown long option", steps: [["tar", "--exclude=x", "-cf", "-", "/etc/passwd"]] },
  { name: "--help", steps: [["tar", "--help"]] },
  { name: "extract and inspect", files: [bb()], cwd: "/tmp", steps: [["tar", "xvf", "/w/t.tar"], [...STAT, "d/a", "d/s", "d/h", "d/sub", "d/sub/n"], ["cat", "d/h"]] },
  { name: "extract with -C", files: [bb()], steps: [["tar", "-xf", "/w/t.tar", "-C", "/tmp"], [...STAT, "/tmp/d/a"]] },
  { name: "extract -C missing dir", files: [bb()], steps: [["tar", "-xf", "/w/t.tar", "-C", "/nonexist"]] },
  { name: "extract one member", files: [bb()], cwd: "/tmp", steps: [["tar", "xf", "/w/t.tar", "d/sub/n"], ["ls", "-R", "d"]] },
  { name: "extract -O", files: [bb()], steps: [["tar", "xOf", "/w/t.tar", "d/a", "d/sub/n"]] },
  { name: "extract over an existing file", files: [bb(), W("/tmp/d/a", "old contents\n", { mode: 0o600 })], cwd: "/tmp", steps: [["tar", "xf", "/w/t.tar", "d/a"], [...STAT, "d/a"], ["cat", "d/a"]] },
  { name: "extract -k keeps existing", files: [bb(), W("/tmp/d/a", "old\n")], cwd: "/tmp", steps: [["tar", "xkf", "/w/t.tar", "d/a"], ["cat", "d/a"]] },
  { name: "extract --overwrite", files: [bb(), W("/tmp/d/a", "old contents\n", { mode: 0o600 })], cwd: "/tmp", steps: [["tar", "--overwrite", "-xf", "/w/t.tar", "d/a"], [...STAT, "d/a"], ["cat", "d/a"]] },
  { name: "extract over a directory", files: [bb(), { path: "/tmp/d/s", type: "dir" }], cwd: "/tmp", steps: [["tar", "xf", "/w/t.tar"], [...STAT, "d/s"]] },
  { name: "extract -m does not restore time", files: [bb()], cwd: "/tmp", steps: [["tar", "xmf", "/w/t.tar", "d/a"], ["stat", "-c", "%Y", "d/a"]], mask: [["^\\d+\\n$", "T\n"]] },
  { name: "extract restores time", files: [bb()], cwd: "/tmp", steps: [["tar", "xf", "/w/t.tar", "d/a"], ["stat", "-c", "%Y", "d/a"]] },
  { name: "extract tricky names", files: [tricky()], cwd: "/tmp", steps: [["tar", "xvf", "/w/x.tar"], [...STAT, "abs/file", "up", "own", "own/f", "own/link"]] },
  { name: "extract tricky -o", files: [tricky()], cwd: "/tmp", steps: [["tar", "xof", "/w/x.tar"], [...STAT, "own", "own/f"]] },
  { name: "extract tricky --numeric-owner", files: [tricky()], cwd: "/tmp", steps: [["tar", "--numeric-owner", "-xf", "/w/x.tar"], [...STAT, "own"]] },
  { name: "extract as nobody", user: "nobody", files: [tricky("/tmp/x.tar")], cwd: "/tmp", steps: [["tar", "xf", "/tmp/x.tar"], [...STAT, "own", "own/f"]] },
  { name: "extract --strip-components", files: [bb()], cwd: "/tmp", steps: [["tar", "--strip-components=1", "-xvf", "/w/t.tar"], [...STAT, "a", "sub/n"]] },
  { name: "extract from stdin", cwd: "/tmp", steps: [["tar", "xf", "-"], ["cat", "d/a"]], stdin: raw(BB_TAR) },
  { name: "extract a pax archive", files: [{ path: "/w/p.tar", b64: PAX_TAR }], cwd: "/tmp", steps: [["tar", "xf", "/w/p.tar"], [...STAT, "root/link", "root/etc/hello.txt", "root/bin/suid", "root/fifo", "root/home/alice/notes", "root/etc/.wh.removed"]] },
  { name: "extract -z round trip", files: TREE, cwd: "/w", steps: [["tar", "czf", "/tmp/t.tgz", "one"], ["tar", "-xzf", "/tmp/t.tgz", "-C", "/tmp"], ["cat", "/tmp/one/only"], [...STAT, "/tmp/one/only"]] },
  { name: "round trip a directory", files: TREE, cwd: "/w", steps: [["tar", "cf", "/tmp/t.tar", "one"], ["tar", "xf", "/tmp/t.tar", "-C", "/tmp"], [...STAT, "/tmp/one", "/tmp/one/only"]] },
];
