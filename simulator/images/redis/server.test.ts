import { describe, expect, it } from "vitest";
import { createHost } from "../../host/host";

describe("redis model", () => {
  it("answers PING, SET/GET and DEL over nc (inline commands) from another container by name", async () => {
    const h = createHost({ images: ["redis"] });
    await h.run("docker network create app");
    await h.run("docker run -d --name cache --network app redis");
    const r = await h.run(`docker run --rm --network app busybox sh -c 'printf "PING\\r\\nSET greeting hello\\r\\nGET greeting\\r\\nDEL greeting\\r\\nGET greeting\\r\\nFOO bar\\r\\nQUIT\\r\\n" | nc cache 6379'`);
    expect(r.stdout).toBe("+PONG\r\n+OK\r\n$5\r\nhello\r\n:1\r\n$-1\r\n-ERR unknown command 'FOO', with args beginning with: 'bar' \r\n+OK\r\n");
    expect((await h.run("docker logs cache")).stdout).toMatch(/^Starting Redis Server\n1:C .* \* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n[\s\S]*1:M .* \* Ready to accept connections tcp\n$/);
  });

  it("redis-cli formats replies raw when not on a terminal", async () => {
    const h = createHost({ images: ["redis"] });
    await h.run("docker run -d --name cache redis");
    expect((await h.run("docker exec cache redis-cli ping")).stdout).toBe("PONG\n");
    await h.run("docker exec cache redis-cli rpush l a b c");
    expect((await h.run("docker exec cache redis-cli lrange l 0 -1")).stdout).toBe("a\nb\nc\n");
    expect((await h.run("docker exec cache redis-cli incr n; docker exec cache redis-cli get missing")).stdout).toBe("1\n\n");
    expect((await h.run("docker exec cache redis-cli -h nowhere ping")).stderr).toBe("Could not connect to Redis at nowhere:6379: Name or service not known\n");
  });

  it("saves to /data on docker stop and loads it at the next start; a kill loses what was not saved", async () => {
    const h = createHost({ images: ["redis"] });
    await h.run("docker run -d --name cache redis");
    await h.run("docker exec cache redis-cli set kept yes");
    await h.run("docker stop cache");
    expect((await h.run("docker logs cache")).stdout).toContain("* Saving the final RDB snapshot before exiting.\n");
    await h.run("docker start cache");
    expect((await h.run("docker exec cache redis-cli get kept")).stdout).toBe("yes\n");
    await h.run("docker exec cache redis-cli set lost yes");
    await h.run("docker kill cache; docker start cache");
    expect((await h.run("docker exec cache redis-cli exists lost kept")).stdout).toBe("1\n");
    expect((await h.run("docker exec cache ls -l /data")).stdout).toMatch(/-rw------- +1 redis +redis .* dump\.rdb\n/);
  });

  it("runs as the redis user after the entrypoint drops root", async () => {
    const h = createHost({ images: ["redis"] });
    await h.run("docker run -d --name cache redis");
    const top = (await h.run("docker top cache")).stdout.split("\n")[1].split(/ {2,}/);
    expect(top[0]).toBe("999");
    expect(top[7]).toMatch(/^redis-server --loadmodule \/usr\/local\/lib\/redis\/modules\/+redisbloom\.so --loadmodule /);
  });
});
