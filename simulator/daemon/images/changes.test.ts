// `-c` changes as the 20.10 engine applied them to a busybox container's config (recorded by
// committing `docker create --name cc busybox` with each change and inspecting the image).
import { describe, expect, it } from "vitest";
import { emptyContainerConfig, type ContainerConfig } from "../../api/types";
import { applyChanges } from "./changes";

const PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const base = (): ContainerConfig => ({ ...emptyContainerConfig(), Env: [PATH], Cmd: ["sh"], Image: "busybox", Labels: {} });
const apply = (...changes: string[]) => applyChanges(base(), changes);
const fails = (change: string) => {
  try {
    applyChanges(base(), [change]);
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

describe("applyChanges", () => {
  it("sets CMD and ENTRYPOINT in exec and shell form", () => {
    expect(apply('CMD ["cat", "/greeting"]').Cmd).toEqual(["cat", "/greeting"]);
    expect(apply("CMD ls -l").Cmd).toEqual(["/bin/sh", "-c", "ls -l"]);
    expect(apply("CMD").Cmd).toEqual(["/bin/sh", "-c"]);
    expect(apply('ENTRYPOINT ["a"]')).toMatchObject({ Entrypoint: ["a"], Cmd: null });
    expect(apply("ENTRYPOINT a b").Entrypoint).toEqual(["/bin/sh", "-c", "a b"]);
    expect(apply('ENTRYPOINT ["a"').Entrypoint).toEqual(["/bin/sh", "-c", '["a"']);
    expect(apply('CMD ["x"]', 'ENTRYPOINT ["a"]')).toMatchObject({ Entrypoint: ["a"], Cmd: ["x"] });
  });

  it("adds ENV in both forms, expanding variables and removing quotes", () => {
    expect(apply("ENV A=1").Env).toEqual([PATH, "A=1"]);
    expect(apply("ENV A B C").Env).toEqual([PATH, "A=B C"]);
    expect(apply('env X=1 Y="a b"').Env).toEqual([PATH, "X=1", "Y=a b"]);
    expect(apply("ENV X=$PATH").Env).toEqual([PATH, "X=" + PATH.slice(5)]);
    expect(apply("ENV PATH=/bin").Env).toEqual(["PATH=/bin"]);
  });

  it("sets EXPOSE, LABEL, WORKDIR, USER, VOLUME, HEALTHCHECK and ONBUILD", () => {
    expect(apply("EXPOSE 80/udp 90-91").ExposedPorts).toEqual({ "80/udp": {}, "90/tcp": {}, "91/tcp": {} });
    expect(apply("LABEL k=v").Labels).toEqual({ k: "v" });
    expect(apply("WORKDIR rel").WorkingDir).toBe("/rel");
    expect(apply("WORKDIR /a/../b/").WorkingDir).toBe("/a/../b/");
    expect(apply("USER 1:2").User).toBe("1:2");
    expect(apply('VOLUME ["/x","/y"]').Volumes).toEqual({ "/x": {}, "/y": {} });
    expect(apply("VOLUME /data").Volumes).toEqual({ "/data": {} });
    expect(apply("HEALTHCHECK CMD true").Healthcheck).toEqual({ Test: ["CMD-SHELL", "true"] });
    expect(apply("ONBUILD RUN x").OnBuild).toEqual(["RUN x"]);
  });

  it("leaves the input config alone", () => {
    const b = base();
    applyChanges(b, ["ENV A=1", "LABEL k=v"]);
    expect(b).toEqual(base());
  });

  it("reports the engine's errors", () => {
    expect(fails("COPY x y")).toBe("copy is not a valid change command");
    expect(fails("NOPE x")).toBe("nope is not a valid change command");
    expect(fails("STOPSIGNAL KILL")).toBe("stopsignal is not a valid change command");
    expect(fails("RUN echo no")).toBe("run is not a valid change command");
    expect(fails("ENV")).toBe("ENV requires at least one argument");
    expect(fails("ENV A")).toBe("ENV must have two arguments");
    expect(fails("LABEL k")).toBe("LABEL must have two arguments");
    expect(fails("EXPOSE")).toBe("EXPOSE requires at least one argument");
    expect(fails("EXPOSE abc")).toBe("Invalid containerPort: abc");
    expect(fails("USER")).toBe("USER requires exactly one argument");
    expect(fails("")).toBe("file with no instructions");
    expect(fails("# comment")).toBe("file with no instructions");
  });
});
