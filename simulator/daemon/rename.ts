/** docker rename: give a container a new name (moby's daemon/rename.go), with the engine's errors. */
import type { Daemon } from "./daemon";
import { invalidParameter, isDaemonError, DaemonError } from "./errdefs";
import { VALID_CONTAINER_NAME } from "./names";

export function containerRename(d: Daemon, oldRef: string, newName: string): void {
  if (oldRef === "" || newName === "") throw invalidParameter("Neither old nor new names may be empty");
  const name = newName.replace(/^\//, "");
  const c = d.mustContainer(oldRef);
  const oldName = c.name;
  if (oldName === name) throw invalidParameter("Renaming a container with the same name as its current name");
  try {
    if (!VALID_CONTAINER_NAME.test(newName)) throw invalidParameter(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    d.checkName(name);
  } catch (e) {
    if (isDaemonError(e)) throw new DaemonError(e.kind, `Error when allocating new name: ${e.message}`);
    throw e;
  }
  c.name = name;
  d.events.emit({ Type: "container", Action: "rename", Actor: { ID: c.id, Attributes: { name, oldName: "/" + oldName } }, time: d.now() });
}
