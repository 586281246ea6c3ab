/**
 * Image references as docker parses them (github.com/distribution/reference, the version the
 * docker 28 client uses): normalisation of familiar names, tags, digests and the exact errors.
 *
 *   parseNormalizedNamed("busybox")          -> { domain: "docker.io", path: "library/busybox" }
 *   familiarString(tagNameOnly(r))           -> "busybox:latest"
 *   parseNormalizedNamed("Busybox")          -> error "invalid reference format: repository name (library/Busybox) must be lowercase"
 *
 * Functions return { ok: true, ref } or { ok: false, error } rather than throwing.
 */

export interface Reference {
  /** Registry host[:port]; "" for a bare digest reference. */
  domain: string;
  /** Repository path, e.g. "library/busybox"; "" for a bare digest reference. */
  path: string;
  tag?: string;
  /** "algorithm:hex" */
  digest?: string;
}

export type RefResult = { ok: true; ref: Reference } | { ok: false; error: string };

export const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
export const NAME_TOTAL_LENGTH_MAX = 255;

export const ERR_REFERENCE_INVALID_FORMAT = "invalid reference format";
export const ERR_NAME_EMPTY = "repository name must have at least one component";
export const ERR_NAME_CONTAINS_UPPERCASE = "repository name must be lowercase";
export const ERR_NAME_TOO_LONG = `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
export const ERR_TAG_INVALID_FORMAT = "invalid tag format";
export const ERR_DIGEST_INVALID_FORMAT = "invalid checksum digest format";
export const ERR_DIGEST_INVALID_LENGTH = "invalid checksum digest length";
export const ERR_DIGEST_UNSUPPORTED = "unsupported digest algorithm";

const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const ipv6address = "\\[(?:[a-fA-F0-9:]+)\\]";
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const tagPat = "[\\w][\\w.-]{0,127}";
const digestPat = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";

const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredTagRegexp = new RegExp(`^${tagPat}$`);
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;
const digestRegexpAnchored = new RegExp(`^${digestPat}$`);

const DIGEST_SIZES: Record<string, number> = { sha256: 32, sha384: 48, sha512: 64 };

/** go-digest's Digest.Validate; null when valid. */
export function validateDigest(d: string): string | null {
  const i = d.indexOf(":");
  if (i <= 0 || i + 1 === d.length) return ERR_DIGEST_INVALID_FORMAT;
  const alg = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const size = DIGEST_SIZES[alg];
  if (size === undefined) return digestRegexpAnchored.test(d) ? ERR_DIGEST_UNSUPPORTED : ERR_DIGEST_INVALID_FORMAT;
  if (encoded.length !== size * 2) return ERR_DIGEST_INVALID_LENGTH;
  return /^[a-f0-9]+$/.test(encoded) ? null : ERR_DIGEST_INVALID_FORMAT;
}

/** reference.Parse: the reference exactly as written (no normalisation). */
export function parse(s: string): RefResult {
  const m = referenceRegexp.exec(s);
  if (!m) {
    if (s === "") return { ok: false, error: ERR_NAME_EMPTY };
    if (referenceRegexp.test(s.toLowerCase())) return { ok: false, error: ERR_NAME_CONTAINS_UPPERCASE };
    return { ok: false, error: ERR_REFERENCE_INVALID_FORMAT };
  }
  const nm = anchoredNameRegexp.exec(m[1]);
  const ref: Reference = nm ? { domain: nm[1] ?? "", path: nm[2] } : { domain: "", path: m[1] };
  if (ref.path.length > NAME_TOTAL_LENGTH_MAX) return { ok: false, error: ERR_NAME_TOO_LONG };
  if (m[2] !== undefined) ref.tag = m[2];
  if (m[3] !== undefined) {
    const err = validateDigest(m[3]);
    if (err) return { ok: false, error: err };
    ref.digest = m[3];
  }
  return { ok: true, ref };
}

/** splitDockerDomain: which part of a familiar name is the registry. */
export function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf("/");
  let domain: string;
  let remainder: string;
  const first = i === -1 ? "" : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes("/")) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** ParseNormalizedNamed: "busybox" -> docker.io/library/busybox, with docker's error texts. */
export function parseNormalizedNamed(s: string): RefResult {
  if (anchoredIdentifierRegexp.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const { domain, remainder } = splitDockerDomain(s);
  const tagSep = remainder.indexOf(":");
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  }
  const r = parse(domain + "/" + remainder);
  if (!r.ok) return r;
  if (!r.ref.path) return { ok: false, error: `reference ${referenceString(r.ref)} has no name` };
  return r;
}

/**
 * ParseAnyReference: a 64-hex ID becomes a digest reference (sha256:<id>), an "alg:hex" digest
 * stays a digest reference, anything else is a normalised name.
 */
export function parseAnyReference(s: string): RefResult {
  if (anchoredIdentifierRegexp.test(s)) return { ok: true, ref: { domain: "", path: "", digest: "sha256:" + s } };
  if (digestRegexpAnchored.test(s) && validateDigest(s) === null) return { ok: true, ref: { domain: "", path: "", digest: s } };
  return parseNormalizedNamed(s);
}

/** The full name: "docker.io/library/busybox". */
export function refName(r: Reference): string {
  return r.domain ? `${r.domain}/${r.path}` : r.path;
}

/** String(): "docker.io/library/busybox:latest@sha256:…" (just the digest for digest-only refs). */
export function referenceString(r: Reference): string {
  let s = refName(r);
  if (r.tag !== undefined) s += ":" + r.tag;
  if (r.digest !== undefined) s += (s ? "@" : "") + r.digest;
  return s;
}

/** FamiliarName: "busybox", "user/app", "localhost:5000/app". */
export function familiarName(r: Reference): string {
  let path = r.path;
  if (r.domain === DEFAULT_DOMAIN) {
    if (path.startsWith(OFFICIAL_REPO_PREFIX) && !path.slice(OFFICIAL_REPO_PREFIX.length).includes("/")) {
      path = path.slice(OFFICIAL_REPO_PREFIX.length);
    }
    return path;
  }
  return r.domain ? `${r.domain}/${path}` : path;
}

/** FamiliarString: "busybox:latest", "user/app@sha256:…". */
export function familiarString(r: Reference): string {
  let s = r.path || r.domain ? familiarName(r) : "";
  if (r.tag !== undefined) s += ":" + r.tag;
  if (r.digest !== undefined) s += (s ? "@" : "") + r.digest;
  return s;
}

/** IsNameOnly: neither tag nor digest. */
export function isNameOnly(r: Reference): boolean {
  return r.tag === undefined && r.digest === undefined;
}

/** TagNameOnly: adds ":latest" to a name-only reference. */
export function tagNameOnly(r: Reference): Reference {
  return isNameOnly(r) ? { ...r, tag: "latest" } : r;
}

/** WithTag: checks the tag ("invalid tag format") and sets it, keeping any digest. */
export function withTag(r: Reference, tag: string): RefResult {
  if (!anchoredTagRegexp.test(tag)) return { ok: false, error: ERR_TAG_INVALID_FORMAT };
  return { ok: true, ref: { ...r, tag } };
}

/** TrimNamed: the name alone. */
export function trimNamed(r: Reference): Reference {
  return { domain: r.domain, path: r.path };
}

/** `docker tag`'s wording for a bad target: Error parsing reference: "x" is not a valid repository/tag: <err> */
export function tagParseErrorText(input: string, error: string): string {
  return `Error parsing reference: ${JSON.stringify(input)} is not a valid repository/tag: ${error}`;
}
