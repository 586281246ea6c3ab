import { describe, expect, it } from "vitest";
import { createHost } from "../../host/host";

const SELECT_TITLES = `docker exec db psql -U postgres -tA -c 'SELECT title FROM todos ORDER BY id'`;

describe("postgres model", () => {
  it("refuses to initialise without POSTGRES_PASSWORD, with the image's error", async () => {
    const h = createHost({ images: ["postgres"] });
    const r = await h.run("docker run --name db postgres");
    expect(r.exit).toBe(1);
    expect(r.stderr).toBe(
      'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about "trust":\n       https://www.postgresql.org/docs/current/auth-trust.html\n',
    );
  });

  it("initialises, runs as PID 1 and stops cleanly on SIGINT", async () => {
    const h = createHost({ images: ["postgres"] });
    await h.run("docker run -d --name db -e POSTGRES_PASSWORD=secret postgres; sleep 2");
    const logs = await h.run("docker logs db");
    expect(logs.stdout).toContain("\nPostgreSQL init process complete; ready for start up.\n\n");
    expect(logs.stderr).toMatch(/UTC \[1\] LOG: {2}database system is ready to accept connections\n$/);
    expect((await h.run("docker stop db")).exit).toBe(0);
    expect((await h.run("docker logs db")).stderr).toMatch(/\[1\] LOG: {2}received fast shutdown request\n[\s\S]*\[1\] LOG: {2}database system is shut down\n$/);
    expect((await h.run("docker inspect -f '{{.State.ExitCode}}' db")).stdout).toBe("0\n");
  });

  it("keeps its tables in the anonymous volume of one container: a new container starts empty", async () => {
    const h = createHost({ images: ["postgres"] });
    await h.run("docker run -d --name db -e POSTGRES_PASSWORD=secret postgres");
    await h.run(`docker exec db psql -U postgres -c 'CREATE TABLE todos (id serial, title text)' -c "INSERT INTO todos (title) VALUES ('milk')"`);
    expect((await h.run(SELECT_TITLES)).stdout).toBe("milk\n");
    await h.run("docker rm -f db");
    await h.run("docker run -d --name db -e POSTGRES_PASSWORD=secret postgres");
    const r = await h.run(SELECT_TITLES);
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain('ERROR:  relation "todos" does not exist');
    // the first container's anonymous volume is still there, orphaned
    expect((await h.run("docker volume ls -q | wc -l")).stdout.trim()).toBe("2");
  });

  it("keeps them across containers in a named volume", async () => {
    const h = createHost({ images: ["postgres"] });
    await h.run("docker run -d --name db -e POSTGRES_PASSWORD=secret -v pgdata:/var/lib/postgresql/data postgres");
    await h.run(`docker exec db psql -U postgres -c 'CREATE TABLE todos (id serial, title text)' -c "INSERT INTO todos (title) VALUES ('milk'), ('bread')"`);
    await h.run("docker rm -f db");
    await h.run("docker run -d --name db -e POSTGRES_PASSWORD=secret -v pgdata:/var/lib/postgresql/data postgres");
    expect((await h.run("docker logs db")).stdout).toContain("PostgreSQL Database directory appears to contain a database; Skipping initialization");
    expect((await h.run(SELECT_TITLES)).stdout).toBe("milk\nbread\n");
  });

  it("asks another container for the password over TCP, by service name", async () => {
    const h = createHost({ images: ["postgres"] });
    await h.run("docker network create app");
    await h.run("docker run -d --name db --network app -e POSTGRES_PASSWORD=secret -e POSTGRES_DB=todos postgres; sleep 2");
    const noPw = await h.run("docker run --rm --network app postgres psql -h db -U postgres -c 'SELECT 1'");
    expect(noPw.stderr).toMatch(/^psql: error: connection to server at "db" \(172\.18\.0\.2\), port 5432 failed: fe_sendauth: no password supplied\n$/);
    const bad = await h.run("docker run --rm --network app -e PGPASSWORD=nope postgres psql -h db -U postgres -c 'SELECT 1'");
    expect(bad.stderr).toContain('FATAL:  password authentication failed for user "postgres"');
    const ok = await h.run("docker run --rm --network app -e PGPASSWORD=secret postgres psql -h db -U postgres -d todos -c 'SELECT current_database()'");
    expect(ok.stdout).toBe(" current_database \n------------------\n todos\n(1 row)\n\n");
    expect((await h.run("docker exec db psql -c 'SELECT 1'")).stderr).toBe('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\n');
  });
});
