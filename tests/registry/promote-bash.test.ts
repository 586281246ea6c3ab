/**
 * Seed 000's promotion script on the simulated host: a bash associative array maps internal
 * repositories to external ones. As written it reads `${repos[$key]}` with `$key` unset, which
 * bash reports as a bad array subscript (the same text real bash 5.2 prints, recorded in
 * simulator/runtime/sh/conformance/bash-cases.json); fixed, it promotes the images from the
 * registry on localhost:5000 to the one on localhost:5001 by pull, tag and push.
 */
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../simulator/host/host";

async function ok(h: Host, line: string, stdin?: string) {
  const r = await h.run(line, { stdin });
  expect(r.exit, `${line}\n${r.stderr}`).toBe(0);
  return r;
}

const SEED = `declare -A repos
repos["internal-my-repo1"]="external/my-repo1"
repos["internal-my-repo2"]="external/my-repo2"
for internal in "\${!repos[@]}"; do
  external="\${repos[$key]}"
  echo "pull from: $internal"
  echo "push to  : $external"
done
`;

describe("seed 000's promotion script in bash", () => {
  it("as written: bash reports the bad array subscript and pushes to an empty name", async () => {
    const h = createHost();
    await ok(h, "cat > promote.sh", SEED);
    const r = await h.run("bash promote.sh");
    expect(r.exit).toBe(0);
    // bash lists the keys in its hash order: repo2 first
    expect(r.stdout).toBe("pull from: internal-my-repo2\npush to  : \npull from: internal-my-repo1\npush to  : \n");
    expect(r.stderr).toBe("promote.sh: line 5: repos: bad array subscript\npromote.sh: line 5: repos: bad array subscript\n");
    // BusyBox sh has no declare and no arrays (the texts of /bin/busybox sh promote.sh)
    const sh = await h.run("sh promote.sh");
    // (real ash names line 9, where it finished reading the loop, for the bad substitution; the
    // simulated one names line 4, where the loop starts)
    const errs = sh.stderr.split("\n");
    expect(errs.slice(0, 3)).toEqual([
      "promote.sh: line 1: declare: not found",
      "promote.sh: line 2: repos[internal-my-repo1]=external/my-repo1: not found",
      "promote.sh: line 3: repos[internal-my-repo2]=external/my-repo2: not found",
    ]);
    expect(errs[3]).toMatch(/^promote\.sh: line \d+: syntax error: bad substitution$/);
    expect(sh.exit).toBe(2);
  });

  it("fixed: the pairs print, and the images move from localhost:5000 to localhost:5001", async () => {
    const h = createHost();
    expect((await ok(h, "bash --version")).stdout.split("\n")[0]).toBe("GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)");
    await ok(h, "docker run -d --name internal -p 5000:5000 registry:2");
    await ok(h, "docker run -d --name external -p 5001:5000 registry:2");
    await ok(h, "docker run --name mk busybox sh -c 'echo v1 > /version' && docker commit mk localhost:5000/internal-my-repo1:1.0 && docker rm mk");
    await ok(h, "docker tag busybox localhost:5000/internal-my-repo2:1.0");
    await ok(h, "docker push localhost:5000/internal-my-repo1:1.0 && docker push localhost:5000/internal-my-repo2:1.0");
    await ok(h, "docker rmi localhost:5000/internal-my-repo1:1.0 localhost:5000/internal-my-repo2:1.0");
    const fixed = SEED.replace("$key", "$internal").replace(
      '  echo "push to  : $external"\n',
      [
        '  echo "push to  : $external"',
        '  docker pull -q "localhost:5000/$internal:1.0" >/dev/null || exit 1',
        '  docker tag "localhost:5000/$internal:1.0" "localhost:5001/$external:1.0"',
        '  docker push "localhost:5001/$external:1.0" | tail -n 1 || exit 1',
        "",
      ].join("\n"),
    );
    await ok(h, "cat > promote.sh", fixed);
    const r = await ok(h, "bash promote.sh");
    expect(r.stderr).toBe("");
    const out = r.stdout.split("\n");
    expect(out.slice(0, 2)).toEqual(["pull from: internal-my-repo2", "push to  : external/my-repo2"]);
    expect(out[2]).toMatch(/^1\.0: digest: sha256:[0-9a-f]{64} size: \d+$/);
    expect(out.slice(3, 5)).toEqual(["pull from: internal-my-repo1", "push to  : external/my-repo1"]);
    expect(out[5]).toMatch(/^1\.0: digest: sha256:[0-9a-f]{64} size: \d+$/);
    // the promoted images have the same manifests in both registries
    const digestIn = async (ref: string) => (await ok(h, `docker manifest inspect ${ref} | sha256sum`)).stdout;
    for (const [a, b] of [["internal-my-repo1", "external/my-repo1"], ["internal-my-repo2", "external/my-repo2"]]) {
      expect(await digestIn(`localhost:5001/${b}:1.0`)).toBe(await digestIn(`localhost:5000/${a}:1.0`));
    }
  });

  it("bash in a Debian-based image is the same dialect", async () => {
    const h = createHost({ images: ["postgres"] });
    const r = await ok(h, `docker run --rm --entrypoint bash postgres -c 'declare -A m=([a]=1 [b]=2); echo "\${!m[@]} $BASH_VERSION"'`);
    expect(r.stdout).toBe("b a 5.2.15(1)-release\n");
  });
});
