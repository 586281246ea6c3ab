/**
 * postgres:17 (17.11 on Debian trixie), modelled on the published image; also tagged `latest`
 * here (see below).
 *
 * Source: docker-library/repo-info, repos/postgres/remote/17.md (history, Entrypoint
 * ["docker-entrypoint.sh"], Cmd ["postgres"], ExposedPorts 5432/tcp, StopSignal SIGINT,
 * VOLUME /var/lib/postgresql/data, 14 layers) and repos/postgres/local/17.11-trixie.md (Env
 * PATH, GOSU_VERSION, LANG, PG_MAJOR, PG_VERSION, PGDATA; 453.7 MB on disk). The sizes of the
 * package layers are estimates from their compressed sizes that add up to the 453.7 MB. The
 * entrypoint's behaviour and messages follow docker-library/postgres docker-entrypoint.sh.
 *
 * Why 17 and `latest`: from 18 the image keeps its data in /var/lib/postgresql/18/docker with
 * the VOLUME at /var/lib/postgresql; the course (and most material learners meet) mounts
 * /var/lib/postgresql/data, which is 17's layout. docs/differences.md says so.
 *
 * The entrypoint is this model's own script doing what the image's does: refuse to initialise
 * without POSTGRES_PASSWORD (printing the image's error), initdb, a temporary socket-only
 * server for POSTGRES_DB and /docker-entrypoint-initdb.d, then the server as PID 1 (as the
 * postgres user, through gosu).
 */
import type { ImageModel, LayerTree } from "../model";
import { DEBIAN_BASE_AGE, DEBIAN_BASE_CREATED_BY, DEBIAN_BASE_SIZE, debianAccounts, debianBaseLayer } from "../base/debian";
import { PG_MAJOR, PG_VERSION } from "./cluster";

const PG_DEB = `${PG_VERSION}-1.pgdg13+2`;
const PATH = `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${PG_MAJOR}/bin`;
const run = (s: string) => `RUN /bin/sh -c ${s} # buildkit`;

const ENTRYPOINT = `#!/bin/bash
# postgres image entrypoint. On an empty data directory: refuse to go on without a superuser
# password, create the cluster with initdb, start a temporary server on the Unix socket only,
# create POSTGRES_DB, run /docker-entrypoint-initdb.d/*, stop the temporary server. Then
# become the command (the server, as PID 1). Runs as root only long enough to hand the
# directories to the postgres user.
set -e

pg_need_init() {
	[ ! -s "$PGDATA/PG_VERSION" ]
}

pg_setup_env() {
	: "\${POSTGRES_USER:=postgres}"
	: "\${POSTGRES_DB:=$POSTGRES_USER}"
	: "\${POSTGRES_HOST_AUTH_METHOD:=}"
	export POSTGRES_USER POSTGRES_DB
}

pg_own_dirs() {
	mkdir -p "$PGDATA"
	chmod 00700 "$PGDATA" 2>/dev/null || :
	mkdir -p /var/run/postgresql || :
	chmod 03775 /var/run/postgresql || :
	if [ "$(id -u)" = 0 ]; then
		chown -R postgres "$PGDATA" /var/run/postgresql 2>/dev/null || :
	fi
}

pg_check_env() {
	if [ -z "$POSTGRES_PASSWORD" ] && [ trust != "$POSTGRES_HOST_AUTH_METHOD" ]; then
		cat >&2 <<-'EOE'
			Error: Database is uninitialized and superuser password is not specified.
			       You must specify POSTGRES_PASSWORD to a non-empty value for the
			       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

			       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
			       connections without a password. This is *not* recommended.

			       See PostgreSQL documentation about "trust":
			       https://www.postgresql.org/docs/current/auth-trust.html
		EOE
		exit 1
	fi
}

pg_sql() {
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc -q "$@"
}

pg_init() {
	pg_check_env
	ls /docker-entrypoint-initdb.d/ > /dev/null
	printf '%s\\n' "$POSTGRES_PASSWORD" | initdb --username="$POSTGRES_USER" --pwfile=/dev/stdin $POSTGRES_INITDB_ARGS
	printf '\\nhost all all all %s\\n' "\${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >> "$PGDATA/pg_hba.conf"
	export PGPASSWORD="\${PGPASSWORD:-$POSTGRES_PASSWORD}"
	pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
	if [ "$POSTGRES_DB" != postgres ]; then
		pg_sql --dbname postgres -c "CREATE DATABASE \\"$POSTGRES_DB\\";"
		echo
	fi
	echo
	for f in /docker-entrypoint-initdb.d/*; do
		case "$f" in
		*.sh)
			if [ -x "$f" ]; then echo "$0: running $f"; "$f"; else echo "$0: sourcing $f"; . "$f"; fi ;;
		*.sql)
			echo "$0: running $f"; pg_sql --dbname "$POSTGRES_DB" -f "$f"; echo ;;
		*)
			echo "$0: ignoring $f" ;;
		esac
		echo
	done
	pg_ctl -D "$PGDATA" -m fast -w stop
	unset PGPASSWORD
}

pg_main() {
	if [ "\${1#-}" != "$1" ]; then
		set -- postgres "$@"
	fi
	case " $* " in
	*" --help "* | *" -V "* | *" --version "* | *" --describe-config "*) exec "$@" ;;
	esac
	if [ "$1" = postgres ]; then
		pg_setup_env
		pg_own_dirs
		if [ "$(id -u)" = 0 ]; then
			exec gosu postgres "$0" "$@"
		fi
		if pg_need_init; then
			pg_init
			printf '\\nPostgreSQL init process complete; ready for start up.\\n\\n'
		else
			printf '\\nPostgreSQL Database directory appears to contain a database; Skipping initialization\\n\\n'
		fi
	fi
	exec "$@"
}

case "$(basename "$0")" in
docker-entrypoint.sh) pg_main "$@" ;;
esac
`;

const ENSURE_INITDB = `#!/bin/bash
# Initialises an empty data directory the way the entrypoint does, without starting the server.
set -e
. /usr/local/bin/docker-entrypoint.sh
pg_setup_env
pg_own_dirs
if [ "$(id -u)" = 0 ]; then
	exec gosu postgres "$0" "$@"
fi
if pg_need_init; then
	pg_init
elif [ "$(basename "$0")" = docker-enforce-initdb.sh ]; then
	echo >&2 "$0: error: (unexpected) database found in '$PGDATA'"
	exit 1
fi
`;

function server(t: LayerTree): void {
  const bin = `usr/lib/postgresql/${PG_MAJOR}/bin`;
  t.exe(`${bin}/postgres`, "postgres", 9_876_504).exe(`${bin}/initdb`, "initdb", 193_584).exe(`${bin}/pg_ctl`, "pg_ctl", 71_296).exe(`${bin}/psql`, "psql", 777_064);
  for (const tool of ["pg_dump", "pg_restore", "pg_dumpall", "createdb", "dropdb", "pg_isready", "pg_basebackup", "vacuumdb"]) t.exe(`${bin}/${tool}`, "pg-tool", 120_000);
  t.symlink("usr/bin/psql", `../lib/postgresql/${PG_MAJOR}/bin/psql`);
  t.dir(`usr/share/postgresql/${PG_MAJOR}`).file("etc/postgresql-common/createcluster.conf", "create_main_cluster = false\n");
}

/** postgres 17.11, built a day after its Debian base. */
export const POSTGRES_MODEL: ImageModel = {
  tags: ["postgres:latest", `postgres:${PG_MAJOR}`, `postgres:${PG_VERSION}`, `postgres:${PG_MAJOR}-trixie`],
  age: DEBIAN_BASE_AGE,
  config: {
    Env: [`PATH=${PATH}`, "GOSU_VERSION=1.19", "LANG=en_US.utf8", `PG_MAJOR=${PG_MAJOR}`, `PG_VERSION=${PG_DEB}`, "PGDATA=/var/lib/postgresql/data"],
    Cmd: ["postgres"],
    Entrypoint: ["docker-entrypoint.sh"],
    ExposedPorts: { "5432/tcp": {} },
    Volumes: { "/var/lib/postgresql/data": {} },
    StopSignal: "SIGINT",
  },
  steps: [
    { createdBy: DEBIAN_BASE_CREATED_BY, at: 0, layer: debianBaseLayer, size: DEBIAN_BASE_SIZE, comment: null },
    { createdBy: run("set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql"), at: 88_558, layer: (t) => { debianAccounts(t, ["postgres:x:999:999::/var/lib/postgresql:/bin/bash"], ["postgres:x:999:"]); t.dir("var/lib/postgresql", 0o1777, 999, 999); }, size: 4_563 },
    { createdBy: run("set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/*"), at: 88_563, layer: (t) => t.exe("usr/bin/less", "debian-missing", 199_040), size: 20_512_000 },
    { createdBy: "ENV GOSU_VERSION=1.19", at: 88_569 },
    { createdBy: run("set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true"), at: 88_569, layer: (t) => t.exe("usr/local/bin/gosu", "gosu", 2_285_568), size: 2_285_568 },
    { createdBy: run("set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8'"), at: 88_574, layer: (t) => t.file("etc/locale.gen", "# This file lists locales that you wish to have built.\nen_US.UTF-8 UTF-8\n"), size: 22_418_000 },
    { createdBy: "ENV LANG=en_US.utf8", at: 88_574 },
    { createdBy: run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/*"), at: 88_576, layer: (t) => t.dir("usr/lib/nss_wrapper"), size: 4_204_000 },
    { createdBy: run("mkdir /docker-entrypoint-initdb.d"), at: 88_577, layer: (t) => t.dir("docker-entrypoint-initdb.d") },
    { createdBy: run("set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\""), at: 88_577, layer: (t) => t.dir("usr/local/share/keyrings"), size: 4_812 },
    { createdBy: `ENV PG_MAJOR=${PG_MAJOR}`, at: 88_577 },
    { createdBy: `ENV PATH=${PATH}`, at: 88_577 },
    { createdBy: `ENV PG_VERSION=${PG_DEB}`, at: 88_577 },
    { createdBy: run("set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch=\"$(dpkg --print-architecture)\"; \taptRepo=\"[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt trixie-pgdg main $PG_MAJOR\"; \tcase \"$dpkgArch\" in \t\tamd64 | arm64 | loong64 | ppc64el) \t\t\techo \"deb $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \t\t*) \t\t\techo \"deb-src $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\t\t\t\tsavedAptMark=\"$(apt-mark showmanual)\"; \t\t\t\t\t\ttempDir=\"$(mktemp -d)\"; \t\t\tcd \"$tempDir\"; \t\t\t\t\t\tapt-get update; \t\t\tapt-get install -y --no-install-recommends dpkg-dev; \t\t\techo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list; \t\t\t_update_repo() { \t\t\t\tdpkg-scanpackages . > Packages; \t\t\t\tapt-get -o Acquire::GzipIndexes=false update; \t\t\t}; \t\t\t_update_repo; \t\t\t\t\t\tnproc=\"$(nproc)\"; \t\t\texport DEB_BUILD_OPTIONS=\"nocheck parallel=$nproc\"; \t\t\tapt-get build-dep -y postgresql-common-dev; \t\t\tapt-get source --compile postgresql-common-dev; \t\t\t_update_repo; \t\t\tapt-get build-dep -y \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\tapt-get source --compile \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\t\t\t\t\t\t\tapt-mark showmanual | xargs apt-mark auto > /dev/null; \t\t\tapt-mark manual $savedAptMark; \t\t\t\t\t\tls -lAFh; \t\t\t_update_repo; \t\t\tgrep '^Package: ' Packages; \t\t\tcd /; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t\"postgresql-$PG_MAJOR=$PG_VERSION\" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tif [ -n \"$tempDir\" ]; then \t\tapt-get purge -y --auto-remove; \t\trm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list; \tfi; \t\tfind /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S \"$pyc\" &> /dev/null || rm -vf \"$pyc\"; done' -- '{}' +; \t\tpostgres --version"), at: 88_589, layer: server, size: 325_591_000 },
    { createdBy: run("set -eux; \tdpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample \"/usr/share/postgresql/$PG_MAJOR/\"; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample"), at: 88_589, layer: (t) => t.file("usr/share/postgresql/postgresql.conf.sample", "listen_addresses = '*'\n").symlink(`usr/share/postgresql/${PG_MAJOR}/postgresql.conf.sample`, "../postgresql.conf.sample"), size: 31_207 },
    { createdBy: run("install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql"), at: 88_589, layer: (t) => t.dir("var/run/postgresql", 0o3777, 999, 999) },
    { createdBy: "ENV PGDATA=/var/lib/postgresql/data", at: 88_589 },
    { createdBy: run('install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"'), at: 88_589, layer: (t) => t.dir("var/lib/postgresql/data", 0o1777, 999, 999) },
    { createdBy: "VOLUME [/var/lib/postgresql/data]", at: 88_589 },
    { createdBy: "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit", at: 88_589, layer: (t) => t.file("usr/local/bin/docker-entrypoint.sh", ENTRYPOINT, 0o755).file("usr/local/bin/docker-ensure-initdb.sh", ENSURE_INITDB, 0o755) },
    { createdBy: run("ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh"), at: 88_589, layer: (t) => t.symlink("usr/local/bin/docker-enforce-initdb.sh", "docker-ensure-initdb.sh") },
    { createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]', at: 88_589 },
    { createdBy: "STOPSIGNAL SIGINT", at: 88_589 },
    { createdBy: "EXPOSE map[5432/tcp:{}]", at: 88_589 },
    { createdBy: 'CMD ["postgres"]', at: 88_589 },
  ],
};
