/** The volumes view: volumes, bind mounts and tmpfs mounts, each with the containers using it. */
import type { VolumeUser, VolumesModel } from "../../simulator/views/volumes";
import { h } from "./dom";
import { size } from "./draw-layers";
import type { ViewsStrings } from "./strings";

function users(list: VolumeUser[], t: ViewsStrings): HTMLElement {
  if (!list.length) return h("p", { class: "ll-v-muted" }, t.unused);
  return h(
    "ul",
    { class: "ll-v-list" },
    list.map((u) => h("li", { class: u.running ? "ll-v-user--running" : null, "data-user": u.container }, t.usedBy(u.container, u.destination, !u.rw, u.running))),
  );
}

export function drawVolumes(m: VolumesModel, t: ViewsStrings): Node[] {
  return [
    h("h3", { class: "ll-v-title" }, t.volumes),
    m.volumes.length
      ? h(
          "div",
          { class: "ll-v-cards" },
          m.volumes.map((v) =>
            h(
              "section",
              { class: "ll-v-box", "data-volume": v.name, "aria-label": `${t.volumes}: ${v.name}` },
              h("h4", { class: "ll-v-subtitle" }, h("code", null, v.anonymous ? `${v.name.slice(0, 12)}…` : v.name), v.anonymous ? ` (${t.anonymous})` : ""),
              h("p", { class: "ll-v-note" }, t.volumeSize(size(v.bytes), v.files), " · ", h("code", null, v.mountpoint)),
              users(v.users, t),
            ),
          ),
        )
      : h("p", { class: "ll-v-muted" }, t.noVolumes),
    h("h3", { class: "ll-v-title" }, t.binds),
    m.binds.length
      ? h(
          "div",
          { class: "ll-v-cards" },
          m.binds.map((b) =>
            h(
              "section",
              { class: "ll-v-box", "data-bind": b.source, "aria-label": `${t.binds}: ${b.source}` },
              h("h4", { class: "ll-v-subtitle" }, h("code", null, b.source)),
              b.exists ? null : h("p", { class: "ll-v-note" }, t.missingSource),
              users(b.users, t),
            ),
          ),
        )
      : h("p", { class: "ll-v-muted" }, t.noBinds),
    m.tmpfs.length
      ? [h("h3", { class: "ll-v-title" }, t.tmpfs), h("ul", { class: "ll-v-list" }, m.tmpfs.map((x) => h("li", null, `${x.container} → `, h("code", null, x.destination))))]
      : [],
  ].flat();
}
