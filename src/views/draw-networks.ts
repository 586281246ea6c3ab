/** The networks view: the host with its interfaces and published ports, then each network. */
import type { NetworksModel } from "../../simulator/views/networks";
import { dl, h, table } from "./dom";
import type { ViewsStrings } from "./strings";

export function drawNetworks(m: NetworksModel, t: ViewsStrings): Node[] {
  const host = h(
    "section",
    { class: "ll-v-box ll-v-host", "aria-labelledby": "ll-v-host-title" },
    h("h3", { class: "ll-v-title", id: "ll-v-host-title" }, `${t.host}: ${m.host.hostname}`),
    dl([[t.interfaces, m.host.interfaces.map((i, k) => [k ? ", " : "", h("code", null, i.name), ` ${i.addr}`])]]),
    h("h4", { class: "ll-v-subtitle" }, t.published),
    m.host.published.length
      ? h(
          "ul",
          { class: "ll-v-list ll-v-ports" },
          m.host.published.map((p) => h("li", { "data-port": `${p.hostPort}/${p.proto}` }, h("code", null, `${p.hostIp}:${p.hostPort}`), " → ", h("code", null, `${p.container}:${p.containerPort}/${p.proto}`))),
        )
      : h("p", { class: "ll-v-muted" }, t.noPublished),
  );
  const networks = m.networks.map((n) =>
    h(
      "section",
      { class: `ll-v-box ll-v-network${n.builtin ? " ll-v-network--builtin" : ""}`, "data-network": n.name, "aria-label": `${t.network} ${n.name}` },
      h("h4", { class: "ll-v-subtitle" }, h("code", null, n.name), ` (${n.driver})`),
      dl([
        n.subnet ? [t.subnet, h("code", null, n.subnet)] : null,
        n.gateway ? [t.gateway, h("code", null, n.gateway)] : null,
        n.bridge ? [t.bridgeIf, h("code", null, n.bridge)] : null,
      ]),
      n.driver === "bridge" ? h("p", { class: "ll-v-note" }, n.dns ? t.dnsOn : t.dnsOff) : null,
      n.attachments.length
        ? table(
            `${t.network} ${n.name}`,
            [t.container, t.address, ...(n.dns ? [t.dnsNames] : [])],
            n.attachments.map((a) => [
              h("span", { "data-attached": a.container }, a.container),
              a.ip ? h("code", null, a.ip) : h("span", { class: "ll-v-muted" }, n.subnet ? t.notRunning : "—"),
              ...(n.dns ? [a.dnsNames.map((d, k) => [k ? ", " : "", h("code", null, d)])] : []),
            ]),
            { hideCaption: true },
          )
        : h("p", { class: "ll-v-muted" }, t.noAttachments),
    ),
  );
  return [host, ...networks, ...m.shared.map((x) => h("p", { class: "ll-v-note" }, t.shared(x.container, x.with)))];
}
