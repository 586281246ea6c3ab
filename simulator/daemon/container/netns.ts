/** A container's network namespace as the runtime sees it (set up by attachNetworks at start). */
import type { NetNamespace } from "../../runtime/namespaces";
import { LOOPBACK, sandboxOf } from "../network/sandbox";
import type { Container } from "./container";

let nsSeq = 100;

/** The namespace attachNetworks prepared; a bare loopback-only one if none was. */
export function containerNetNs(c: Container): NetNamespace {
  return sandboxOf(c) ?? { id: ++nsSeq, kind: "none", interfaces: () => [LOOPBACK] };
}

/** Docker's MAC for an IPv4 address: 02:42 followed by the address bytes. */
export function macFor(ip: string): string {
  return ["02", "42", ...ip.split(".").map((o) => Number(o).toString(16).padStart(2, "0"))].join(":");
}
