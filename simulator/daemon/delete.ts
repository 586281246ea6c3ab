/** docker rm: refuse running containers unless forced, then drop the container and (with -v) its anonymous volumes. */
import type { Container } from "./container/container";
import type { Daemon } from "./daemon";
import { conflict } from "./errdefs";
import { releasePorts } from "./container/ports";
import { SIGNALS } from "../runtime/signals";

export function removeContainerNow(d: Daemon, c: Container, removeVolumes: boolean): void {
  if (!d.containers.has(c.id)) return;
  c.state.Status = "removing";
  releasePorts(c);
  d.containers.delete(c.id);
  if (removeVolumes) {
    for (const m of c.mounts) {
      if (m.Type !== "volume" || !m.Name) continue;
      const v = d.volumes.volumes.get(m.Name);
      if (!v || !v.anonymous) continue;
      const stillUsed = [...d.containers.values()].some((o) => o.mounts.some((x) => x.Name === v.Name));
      if (!stillUsed) d.volumes.volumes.delete(v.Name);
    }
  }
  d.events.emit({ Type: "container", Action: "destroy", Actor: { ID: c.id, Attributes: { name: c.name } }, time: d.now() });
}

export async function containerRemove(d: Daemon, ref: string, opts: { force: boolean; volumes: boolean }): Promise<void> {
  const c = d.mustContainer(ref);
  if (c.state.Running || c.state.Restarting) {
    if (!opts.force) {
      if (c.state.Paused) throw conflict(`You cannot remove a paused container ${c.id}. Unpause and then stop the container before attempting removal or force remove`);
      const what = c.state.Restarting ? "restarting" : "running";
      throw conflict(`You cannot remove a ${what} container ${c.id}. Stop the container before attempting removal or force remove`);
    }
    c.manualStop = true;
    c.state.Restarting = false;
    c.hostConfig.AutoRemove = false;
    const p = c.process;
    if (p) {
      c.state.Paused = false;
      p.ns.cgroup.frozen = false;
      d.kernel.signal(p, SIGNALS.KILL);
      await p.exited;
      await d.machine.sched.sleep(0);
    }
  }
  removeContainerNow(d, c, opts.volumes);
}
