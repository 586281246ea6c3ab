// The CREATED BY texts BuildKit commits for COPY and ADD (docker history), as the Dockerfile
// frontend writes them: flags other than --chown/--chmod are left out, words are expanded.
import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";

async function history(dockerfile: string): Promise<string[]> {
  const h = createHost();
  await h.run("mkdir ctx && echo a > ctx/a.txt");
  await h.run(`printf '${dockerfile}' > ctx/Dockerfile`);
  const b = await h.run("docker build -q -t hist ctx");
  expect(b.exit, b.stderr).toBe(0);
  const r = await h.run("docker history --no-trunc --format '{{.CreatedBy}}' hist");
  return r.stdout.trim().split("\n");
}

describe("BuildKit history texts of COPY and ADD", () => {
  it("leaves --from out (Docker 20.10 recording: COPY /app /app # buildkit)", async () => {
    const h = await history("FROM busybox AS build\\nRUN echo built > /app\\nFROM busybox\\nCOPY --from=build /app /app\\n");
    expect(h[0]).toBe("COPY /app /app # buildkit");
  });
  it("expands variables in sources and destination, and keeps JSON-form words plain", async () => {
    const h = await history('FROM busybox\\nENV D=/srv\\nCOPY a.txt $D/\\nCOPY ["a.txt", "/b.txt"]\\n');
    expect(h.slice(0, 2)).toEqual(["COPY a.txt /b.txt # buildkit", "COPY a.txt /srv/ # buildkit"]);
  });
  it("keeps --chown and --chmod, as current BuildKit does", async () => {
    const h = await history("FROM busybox\\nCOPY --chown=1:2 --chmod=600 a.txt /c.txt\\n");
    expect(h[0]).toBe("COPY --chown=1:2 --chmod=600 a.txt /c.txt # buildkit");
  });
});
