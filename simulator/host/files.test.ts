import { describe, expect, it } from "vitest";
import { LearnerFiles, FileError, EDITABLE_LIMIT } from "./files";
import { createHost } from "./host";

describe("the learner's files", () => {
  it("writes what cat prints and docker build reads, owned by the learner", async () => {
    const h = createHost();
    const files = new LearnerFiles(h);
    files.create("app", "dir");
    files.write("app/Dockerfile", "FROM busybox\nCOPY msg.txt /msg.txt\nCMD [\"cat\", \"/msg.txt\"]\n");
    files.write("app/msg.txt", "from the editor\n");
    expect((await h.run("cat app/Dockerfile", { cwd: "/home/learner" })).stdout).toBe('FROM busybox\nCOPY msg.txt /msg.txt\nCMD ["cat", "/msg.txt"]\n');
    expect((await h.run("ls -ln app", { cwd: "/home/learner" })).stdout).toMatch(/^-rw-r--r-- +1 1000 +1000 +\d+ .* Dockerfile$/m);
    expect((await h.run("ls -ldn app", { cwd: "/home/learner" })).stdout).toMatch(/^drwxr-xr-x +2 1000 +1000 /);
    expect((await h.run("cd app && docker build -q -t shown . >/dev/null && docker run --rm shown", { cwd: "/home/learner" })).stdout).toBe("from the editor\n");
  });

  it("reads what the shell wrote and lists the tree depth first", async () => {
    const h = createHost();
    await h.run("mkdir -p b/c && echo one > a.txt && echo two > b/c/d.txt && ln -s a.txt link && touch .dockerignore", { cwd: "/home/learner" });
    const files = new LearnerFiles(h);
    expect(files.list().entries.map((e) => `${e.depth} ${e.kind} ${e.path}`)).toEqual(["0 file .dockerignore", "0 file a.txt", "0 dir b", "1 dir b/c", "2 file b/c/d.txt", "0 symlink link"]);
    expect(files.read("b/c/d.txt")).toEqual({ kind: "text", text: "two\n" });
    expect(files.read("link")).toEqual({ kind: "text", text: "one\n" });
  });

  it("renames and removes as mv and rm -r do", async () => {
    const h = createHost();
    await h.run("mkdir -p old/inner && echo x > old/inner/f && echo y > keep", { cwd: "/home/learner" });
    const files = new LearnerFiles(h);
    files.rename("old", "new");
    expect((await h.run("cat new/inner/f", { cwd: "/home/learner" })).stdout).toBe("x\n");
    expect(() => files.rename("new", "keep")).toThrow(/File exists/);
    expect(() => files.rename("new", "new/inner/deeper")).toThrow(/Invalid argument/);
    files.remove("new");
    expect((await h.run("ls", { cwd: "/home/learner" })).stdout).toBe("keep\n");
    expect(() => files.create("keep", "file")).toThrow(/File exists/);
  });

  it("is refused what the learner may not do", async () => {
    const h = createHost();
    // a container running as root leaves a root-owned file in a bind-mounted directory
    await h.run("mkdir out && docker run --rm -v /home/learner/out:/out busybox sh -c 'echo secret > /out/root.txt; chmod 600 /out/root.txt'", { cwd: "/home/learner" });
    const files = new LearnerFiles(h);
    expect(() => files.read("out/root.txt")).toThrow(FileError);
    expect(() => files.read("out/root.txt")).toThrow(/Permission denied/);
    expect(() => files.write("out/root.txt", "mine")).toThrow(/Permission denied/);
    expect(() => files.write("../escape", "x")).toThrow(/Not a path in \/home\/learner/);
  });

  it("does not open binary or very large files as text", async () => {
    const h = createHost();
    await h.run(`printf 'a\\000b' > bin && dd if=/dev/zero bs=1024 count=${EDITABLE_LIMIT / 1024 + 1} 2>/dev/null | tr '\\000' x > big`, { cwd: "/home/learner" });
    const files = new LearnerFiles(h);
    expect(files.read("bin")).toEqual({ kind: "binary", size: 3 });
    expect(files.read("big").kind).toBe("too-large");
  });

  it("stops listing at the limit", async () => {
    const h = createHost();
    await h.run("for i in 1 2 3 4 5; do touch f$i; done", { cwd: "/home/learner" });
    const listed = new LearnerFiles(h).list(3);
    expect(listed).toMatchObject({ truncated: true });
    expect(listed.entries).toHaveLength(3);
  });
});
