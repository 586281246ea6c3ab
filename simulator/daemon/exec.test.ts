import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";

describe("docker exec", () => {
  it("joins the container's PID namespace; runc's threads take PIDs after each started process", async () => {
    const h = createHost();
    await h.run("docker run -d --name box busybox sleep 300");
    expect((await h.run("docker exec box sh -c 'echo $$'")).stdout).toBe("7\n");
    expect((await h.run("docker exec box sh -c 'echo $$'")).stdout).toBe("13\n");
    expect((await h.run("docker exec box cat /proc/1/cmdline")).stdout).toBe("sleep\u0000300\u0000");
  });
  it("reports what cannot start on its output with 126, and refuses containers not running", async () => {
    const h = createHost();
    await h.run("docker run -d --name box busybox sleep 300");
    await h.run("docker create --name made busybox");
    expect(await h.run("docker exec box nosuchcmd")).toEqual({
      exit: 126,
      stdout: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown\r\n',
      stderr: "",
    });
    expect((await h.run("docker exec -u nosuch box id")).stdout).toBe("unable to find user nosuch: no matching entries in passwd file\r\n");
    expect((await h.run("docker exec -w /nope box pwd")).exit).toBe(126);
    const id = h.daemon.mustContainer("made").id;
    expect(await h.run("docker exec made true")).toEqual({ exit: 1, stdout: "", stderr: `Error response from daemon: Container ${id} is not running\n` });
  });
  it("sets user, directory and environment for the new process only", async () => {
    const h = createHost();
    await h.run("docker run -d --name box -e A=1 busybox sleep 300");
    expect((await h.run("docker exec -u nobody -w /tmp -e B=2 box sh -c 'id -u; pwd; echo $A$B'")).stdout).toBe("65534\n/tmp\n12\n");
    expect((await h.run("docker exec box sh -c 'id -u; pwd; echo ${B:-unset}'")).stdout).toBe("0\n/\nunset\n");
  });
});
