/**
 * DNS messages in their wire format (RFC 1035), as far as resolvers and the engine's embedded
 * server need: one question, A/AAAA answers, and the response codes.
 */
export const TYPE_A = 1;
export const TYPE_AAAA = 28;
export const TYPE_PTR = 12;
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
export const RCODE_NAME = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"];

export interface DnsAnswer {
  name: string;
  type: number;
  ttl: number;
  /** Dotted quad for A, the raw 16 bytes as hex groups for AAAA, a name for PTR. */
  data: string;
}

export interface DnsMessage {
  id: number;
  response: boolean;
  /** Recursion desired / available. */
  rd: boolean;
  ra: boolean;
  aa: boolean;
  rcode: number;
  qname: string;
  qtype: number;
  answers: DnsAnswer[];
}

function putName(out: number[], name: string): void {
  for (const label of name.replace(/\.$/, "").split(".")) {
    if (!label) continue;
    const b = new TextEncoder().encode(label.slice(0, 63));
    out.push(b.length, ...b);
  }
  out.push(0);
}

const u16 = (out: number[], n: number) => out.push((n >> 8) & 255, n & 255);

export function encodeDns(m: DnsMessage): Uint8Array {
  const out: number[] = [];
  u16(out, m.id);
  u16(out, (m.response ? 0x8000 : 0) | (m.aa ? 0x0400 : 0) | (m.rd ? 0x0100 : 0) | (m.ra ? 0x0080 : 0) | (m.rcode & 15));
  u16(out, 1);
  u16(out, m.answers.length);
  u16(out, 0);
  u16(out, 0);
  putName(out, m.qname);
  u16(out, m.qtype);
  u16(out, 1);
  for (const a of m.answers) {
    putName(out, a.name);
    u16(out, a.type);
    u16(out, 1);
    u16(out, (a.ttl >>> 16) & 0xffff);
    u16(out, a.ttl & 0xffff);
    let rdata: number[] = [];
    if (a.type === TYPE_A) rdata = a.data.split(".").map(Number);
    else if (a.type === TYPE_AAAA) rdata = a.data.split(":").flatMap((g) => [parseInt(g.slice(0, 2) || "0", 16), parseInt(g.slice(2) || "0", 16)]);
    else putName(rdata, a.data);
    u16(out, rdata.length);
    out.push(...rdata);
  }
  return Uint8Array.from(out);
}

/** Parse a message; null when it is not a well-formed one. */
export function decodeDns(b: Uint8Array): DnsMessage | null {
  let pos = 12;
  const r16 = (at: number) => (b[at] << 8) | b[at + 1];
  const name = (start: number): [string, number] | null => {
    const labels: string[] = [];
    let at = start;
    let end = -1;
    for (let hops = 0; hops < 64; hops++) {
      if (at >= b.length) return null;
      const len = b[at];
      if (len === 0) return [labels.join("."), end < 0 ? at + 1 : end];
      if ((len & 0xc0) === 0xc0) {
        if (end < 0) end = at + 2;
        at = ((len & 0x3f) << 8) | b[at + 1];
        continue;
      }
      labels.push(new TextDecoder().decode(b.subarray(at + 1, at + 1 + len)));
      at += 1 + len;
    }
    return null;
  };
  if (b.length < 12) return null;
  const flags = r16(2);
  const qd = r16(4);
  const an = r16(6);
  const m: DnsMessage = { id: r16(0), response: !!(flags & 0x8000), aa: !!(flags & 0x0400), rd: !!(flags & 0x0100), ra: !!(flags & 0x0080), rcode: flags & 15, qname: "", qtype: 0, answers: [] };
  if (qd > 0) {
    const q = name(pos);
    if (!q) return null;
    m.qname = q[0];
    m.qtype = r16(q[1]);
    pos = q[1] + 4;
  }
  for (let i = 0; i < an; i++) {
    const n = name(pos);
    if (!n || n[1] + 10 > b.length) return null;
    pos = n[1];
    const type = r16(pos);
    const ttl = r16(pos + 4) * 65536 + r16(pos + 6);
    const len = r16(pos + 8);
    const rd = b.subarray(pos + 10, pos + 10 + len);
    pos += 10 + len;
    let data = "";
    if (type === TYPE_A) data = [...rd].join(".");
    else if (type === TYPE_AAAA) data = [...Array(8).keys()].map((k) => ((rd[2 * k] << 8) | rd[2 * k + 1]).toString(16)).join(":");
    else data = name(pos - len)?.[0] ?? "";
    m.answers.push({ name: n[0], type, ttl, data });
  }
  return m;
}
