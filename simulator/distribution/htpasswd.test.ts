import { describe, expect, it } from "vitest";
import { apr1Hash, bcryptHash, bcryptSalt, bcryptVerify, htpasswdAllows, parseHtpasswd } from "./htpasswd";
import { hostnameError, makeCertificate, makeKey, parseCertificate, parseKey, pemBlocks } from "./pem";

describe("htpasswd hashes", () => {
  it("are bcrypt-shaped, deterministic and verify only their password", () => {
    const h = bcryptHash("secret1", 5, bcryptSalt("user1", "secret1"));
    expect(h).toMatch(/^\$2y\$05\$[./A-Za-z0-9]{53}$/);
    expect(bcryptHash("secret1", 5, bcryptSalt("user1", "secret1"))).toBe(h);
    expect(bcryptVerify(h, "secret1")).toBe(true);
    expect(bcryptVerify(h, "secret2")).toBe(false);
    // the cost is part of the hash; $2a$/$2b$ prefixes verify like $2y$
    expect(bcryptVerify(h.replace("$05$", "$06$"), "secret1")).toBe(false);
    expect(bcryptVerify(h.replace("$2y$", "$2b$"), "secret1")).toBe(true);
    expect(bcryptVerify(apr1Hash("user1", "secret1"), "secret1")).toBe(false);
  });

  it("files parse as the registry parses them", () => {
    const h = bcryptHash("pw", 5, bcryptSalt("a", "pw"));
    const f = parseHtpasswd(`# users\n\na:${h}\n\n  b:${apr1Hash("b", "pw")}  \n`);
    expect(f instanceof Map && [...f.keys()]).toEqual(["a", "b"]);
    expect(htpasswdAllows(f as Map<string, string>, "a", "pw")).toBe(true);
    expect(htpasswdAllows(f as Map<string, string>, "b", "pw")).toBe(false);
    expect(htpasswdAllows(f as Map<string, string>, "c", "pw")).toBe(false);
    expect(parseHtpasswd("a:x\nnocolon\n")).toEqual({ error: 'htpasswd: invalid entry at line 2: "nocolon"' });
  });
});

describe("PEM keys and certificates", () => {
  it("round-trip what they certify; the same certificate is the same base64", () => {
    const k = makeKey(4096, "s");
    expect(parseKey(k.pem)).toEqual(k.info);
    const info = { subject: "CN = x", dns: ["reg.example"], ip: ["10.0.2.15"], notBefore: 0, notAfter: 1, key: k.info.id };
    const pem = makeCertificate(info, 4096);
    expect(parseCertificate(pem)?.info).toEqual(info);
    expect(pemBlocks(`junk\n${pem}${pem}`, "CERTIFICATE")).toHaveLength(2);
    expect(parseCertificate(makeCertificate({ ...info, subject: "CN = y" }, 4096))!.b64).not.toBe(parseCertificate(pem)!.b64);
    expect(parseCertificate("not pem")).toBeNull();
  });

  it("check host names as Go's VerifyHostname does", () => {
    const c = { subject: "CN = myhost", dns: ["myhost.mydomain.example.com"], ip: [], notBefore: 0, notAfter: 1, key: "k" };
    expect(hostnameError(c, "myhost.mydomain.example.com")).toBeNull();
    expect(hostnameError(c, "10.0.2.15")).toBe("x509: cannot validate certificate for 10.0.2.15 because it doesn't contain any IP SANs");
    expect(hostnameError(c, "other.example")).toBe("x509: certificate is valid for myhost.mydomain.example.com, not other.example");
    expect(hostnameError({ ...c, ip: ["10.0.2.16"] }, "10.0.2.15")).toBe("x509: certificate is valid for 10.0.2.16, not 10.0.2.15");
    expect(hostnameError({ ...c, dns: ["*.example.com"] }, "a.example.com")).toBeNull();
    expect(hostnameError({ ...c, dns: [] }, "myhost")).toBe("x509: certificate relies on legacy Common Name field, use SANs instead");
  });
});
