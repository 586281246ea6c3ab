import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { containerChanges, KIND_LETTER } from "./diff";

const changes = (h: ReturnType<typeof createHost>, ref: string) =>
  containerChanges(h.daemon, ref)
    .map((c) => `${KIND_LETTER[c.Kind]} ${c.Path}`)
    .sort();

describe("containerChanges", () => {
  it("reports additions, changes (with copied-up directories) and deletions from the writable layer", async () => {
    const h = createHost();
    await h.run("docker run --name df busybox sh -c 'mkdir -p /tmp/a && touch /tmp/a/f && echo x >> /etc/passwd && rm /bin/vi && rm -r /home'");
    expect(changes(h, "df")).toEqual(["A /tmp/a", "A /tmp/a/f", "C /bin", "C /etc", "C /etc/passwd", "C /tmp", "D /bin/vi", "D /home"]);
  });
  it("shows a re-created directory as changed, not its hidden contents as deleted", async () => {
    const h = createHost();
    await h.run("docker run --name re busybox sh -c 'rm -r /var/www && mkdir /var/www && touch /var/www/new'");
    expect(changes(h, "re")).toEqual(["A /var/www/new", "C /var", "C /var/www"]);
  });
  it("is empty for a container that wrote nothing, and mount targets it lacked show as added", async () => {
    const h = createHost();
    await h.run("docker run --name clean busybox true");
    await h.run("docker run --name vol -v /data --tmpfs /scratch busybox touch /data/x /scratch/y");
    expect(changes(h, "clean")).toEqual([]);
    expect(changes(h, "vol")).toEqual(["A /data", "A /scratch"]);
    expect(() => containerChanges(h.daemon, "nosuch")).toThrow("No such container: nosuch");
  });
});
