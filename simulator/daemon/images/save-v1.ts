/**
 * The legacy per-layer configs `docker save` still writes next to each layer (moby's V1Image and
 * v1.CreateID): the top layer's carries the image's own v1 fields, the others only a zero date
 * and an empty container config. Their digests chain through "parent" like old image IDs did.
 */
import { emptyContainerConfig, type ContainerConfig, type ImageConfig } from "../../api/types";
import { jsonString } from "../../cli/template/json";
import { sha256Hex } from "../../util/sha256";
import { containerConfigJSON, goJSON } from "./config-json";

/** V1Image's fields in declaration order, as [json name, value JSON or undefined when omitted]. */
function v1Fields(cfg: ImageConfig | null, os: string): Array<[string, string | undefined]> {
  const s = (v: string | undefined) => (v ? jsonString(v, true) : undefined);
  const cc = (cfg?.container_config ?? emptyContainerConfig()) as ContainerConfig;
  return [
    ["comment", s(cfg?.comment)],
    ["created", jsonString(cfg?.created ?? "1970-01-01T00:00:00Z")],
    ["container", s(cfg?.container)],
    ["container_config", containerConfigJSON(cc)],
    ["docker_version", s(cfg?.docker_version)],
    ["author", s(cfg?.author)],
    ["config", cfg?.config ? containerConfigJSON(cfg.config) : undefined],
    ["architecture", s(cfg?.architecture)],
    ["variant", s(cfg?.variant)],
    ["os", s(os)],
  ];
}

export interface V1Layer {
  /** The legacy ID (hex). */
  id: string;
  /** The legacy config JSON. */
  json: string;
}

/** The legacy config of layer `chainId` (the image's own fields when `cfg` is given, i.e. the top). */
export function v1Layer(cfg: ImageConfig | null, os: string, chainId: string, parent: string): V1Layer {
  const fields = v1Fields(cfg, os).filter((f): f is [string, string] => f[1] !== undefined);
  // the ID is taken before the OS is filled in: only the top layer's (the image's own) counts
  const idFields = cfg ? fields : fields.filter(([k]) => k !== "os");
  const forId = [...idFields, ["layer_id", jsonString(chainId)] as [string, string]];
  if (parent) forId.push(["parent", jsonString("sha256:" + parent)]);
  forId.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const id = sha256Hex("{" + forId.map(([k, v]) => jsonString(k) + ":" + v).join(",") + "}");
  const head: Array<[string, string]> = [["id", jsonString(id)]];
  if (parent) head.push(["parent", jsonString(parent)]);
  const json = "{" + [...head, ...fields].map(([k, v]) => jsonString(k) + ":" + v).join(",") + "}";
  return { id, json };
}

export { goJSON };
