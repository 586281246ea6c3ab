import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { commandText, listContainers } from "./list";

describe("listContainers", () => {
  it("lists newest first, running only unless all, and applies filters with the daemon's errors", async () => {
    const h = createHost();
    await h.run("docker create --name one -l tier=a busybox");
    await h.run("docker run --name two busybox sh -c 'exit 3'");
    await h.run("docker run -d --name three -l tier=b busybox sleep 300");
    const names = (o: Parameters<typeof listContainers>[1]) => listContainers(h.daemon, o).map((c) => c.name);
    expect(names({ all: true, limit: 0, filters: [] })).toEqual(["three", "two", "one"]);
    expect(names({ all: false, limit: 0, filters: [] })).toEqual(["three"]);
    expect(names({ all: false, limit: 2, filters: [] })).toEqual(["three", "two"]);
    expect(names({ all: false, limit: 0, filters: ["status=created"] })).toEqual(["one"]);
    expect(names({ all: true, limit: 0, filters: ["exited=3"] })).toEqual(["two"]);
    expect(names({ all: true, limit: 0, filters: ["label=tier"] })).toEqual(["three", "one"]);
    expect(names({ all: true, limit: 0, filters: ["label=tier=b"] })).toEqual(["three"]);
    expect(names({ all: true, limit: 0, filters: ["name=^/t"] })).toEqual(["three", "two"]);
    expect(names({ all: true, limit: 0, filters: ["before=three"] })).toEqual(["two", "one"]);
    expect(() => names({ all: true, limit: 0, filters: ["status=bogus"] })).toThrow("Invalid filter 'status=bogus'");
    expect(() => names({ all: true, limit: 0, filters: ["nope=1"] })).toThrow("Invalid filter 'nope'");
  });

  it("quotes arguments holding a space in the command text", async () => {
    const h = createHost();
    await h.run("docker create --name qq busybox sh -c 'echo a b'");
    expect(commandText(h.daemon.mustContainer("qq"))).toBe("sh -c 'echo a b'");
  });
});
