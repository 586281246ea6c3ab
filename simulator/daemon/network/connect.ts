/**
 * network connect / disconnect: add or remove an endpoint. A running container gets (or loses)
 * an interface and address at once; a stopped one only has the attachment recorded for its next
 * start.
 */
import type { Container } from "../container/container";
import { writeEtcFiles } from "../container/etcfiles";
import { ensureEmbeddedDns, isUserDefined } from "../container/network";
import type { Daemon } from "../daemon";
import { forbidden, invalidParameter } from "../errdefs";
import { emptyEndpoint, isUserNetwork, joinEndpoint, leaveEndpoint, modeOf } from "./endpoints";
import { Sandbox, sandboxOf } from "./sandbox";

export function networkConnect(d: Daemon, netRef: string, ctrRef: string, aliases: string[] = []): void {
  const n = d.networks.get(netRef);
  const c = d.mustContainer(ctrRef);
  const mode = modeOf(c);
  if (mode === "host" || mode.startsWith("container:")) throw forbidden("container sharing network namespace with another container or host cannot be connected to any other network");
  if (n.Driver === "host") throw forbidden("container cannot be disconnected from host network or connected to host network");
  if (mode === "none" || n.Driver === "null") throw forbidden("container cannot be connected to multiple networks with one of the networks in private (none) mode");
  if (c.networks[n.Name]) throw forbidden(`endpoint with name ${c.name} already exists in network ${n.Name}`);
  if (aliases.length && !isUserNetwork(n.Name)) throw invalidParameter("network-scoped alias is supported only for containers in user defined networks");
  const ep = emptyEndpoint(n.Id, aliases.length ? aliases : null);
  c.networks[n.Name] = ep;
  const sb = sandboxOf(c);
  if (c.state.Running && sb instanceof Sandbox) {
    try {
      joinEndpoint(d, c, n, ep, sb);
    } catch (e) {
      delete c.networks[n.Name];
      throw e;
    }
    ensureEmbeddedDns(d, c);
    // the embedded DNS server becomes the container's resolver
    writeEtcFiles(c, isUserDefined(c), d.now());
  }
  d.events.emit({ Type: "network", Action: "connect", Actor: { ID: n.Id, Attributes: { container: c.id, name: n.Name, type: n.Driver } }, time: d.now() });
}

export function networkDisconnect(d: Daemon, netRef: string, ctrRef: string): void {
  const n = d.networks.get(netRef);
  const c: Container = d.mustContainer(ctrRef);
  const ep = c.networks[n.Name];
  if (!ep || (ep.NetworkID && ep.NetworkID !== n.Id)) throw forbidden(`container ${c.id} is not connected to network ${n.Name}`);
  if (n.Driver === "host" && modeOf(c) === "host") throw forbidden("container cannot be disconnected from host network or connected to host network");
  if (c.state.Running && c.hostConfig.NetworkMode !== "none") {
    const sb = sandboxOf(c);
    leaveEndpoint(d, n.Name, ep, sb instanceof Sandbox ? sb : null);
  }
  delete c.networks[n.Name];
  d.events.emit({ Type: "network", Action: "disconnect", Actor: { ID: n.Id, Attributes: { container: c.id, name: n.Name, type: n.Driver } }, time: d.now() });
}
