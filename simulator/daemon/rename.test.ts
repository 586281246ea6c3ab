import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { containerRename } from "./rename";

describe("containerRename", () => {
  it("renames, and refuses the same name, a taken name and an invalid one", async () => {
    const h = createHost();
    await h.run("docker create --name old busybox");
    await h.run("docker create --name taken busybox");
    containerRename(h.daemon, "old", "new");
    expect(h.daemon.findContainer("new")?.name).toBe("new");
    expect(h.daemon.findContainer("old")).toBeNull();
    expect(() => containerRename(h.daemon, "new", "new")).toThrow("Renaming a container with the same name as its current name");
    expect(() => containerRename(h.daemon, "new", "taken")).toThrow(/^Error when allocating new name: Conflict\. The container name "\/taken" is already in use/);
    expect(() => containerRename(h.daemon, "new", "x")).toThrow("Error when allocating new name: Invalid container name (x)");
    expect(() => containerRename(h.daemon, "nosuch", "other")).toThrow("No such container: nosuch");
  });
});
