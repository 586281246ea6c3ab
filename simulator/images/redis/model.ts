/**
 * redis:latest (8.10.1 on Debian trixie), modelled on the published image.
 *
 * Source: docker-library/repo-info, repos/redis/remote/latest.md (history, Entrypoint
 * ["docker-entrypoint.sh"], Cmd ["redis-server"], ExposedPorts 6379/tcp, WorkingDir /data, no
 * VOLUME in this version, 7 layers) and repos/redis/local/8.10.1-trixie.md (Env PATH and
 * REDIS_VERSION; 145.55 MB on disk); the entrypoint's behaviour from
 * redis/docker-library-redis debian/docker-entrypoint.sh. The build layer's size is the rest of
 * the 145.55 MB after the shared Debian base.
 *
 * The entrypoint is this model's own script doing what the image's does: options or a *.conf
 * as first argument mean redis-server; as root it gives /data to the redis user and re-runs
 * itself through setpriv as redis; it prints "Starting Redis Server" and loads the bundled
 * modules with --loadmodule.
 */
import type { ImageModel, LayerTree } from "../model";
import { DEBIAN_BASE_AGE, DEBIAN_BASE_CREATED_BY, DEBIAN_BASE_SIZE, debianAccounts, debianBaseLayer } from "../base/debian";
import { REDIS_VERSION } from "./server";

const DOWNLOAD_URL = "https://github.com/redis/redis/releases/download/8.10.1/redis-full.tar.gz";
const DOWNLOAD_SHA = "e5cae2686231290bf55ae5cc4da01e646c3424233cae7618ebf3a64250ef1583";
const ARGS = `|2 REDIS_DOWNLOAD_URL=${DOWNLOAD_URL} REDIS_DOWNLOAD_SHA=${DOWNLOAD_SHA}`;
const BUILD = "set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\tdpkg-dev \t\tgcc \t\tg++ \t\tlibc6-dev \t\tlibssl-dev \t\tlibsystemd-dev \t\tpkg-config \t\tmake; \t\tarch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \tcase \"$arch\" in \t\t'amd64' | 'arm64') BUILD_WITH_MODULES=yes ;; \t\t*) echo >&2 \"Modules are NOT supported! unsupported architecture: '$arch'\"; BUILD_WITH_MODULES=no ;; \tesac; \tif [ \"$BUILD_WITH_MODULES\" = \"yes\" ]; then \t\techo 'deb http://deb.debian.org/debian trixie-backports main' > /etc/apt/sources.list.d/backports.list; \t\tapt-get update; \t\tapt-get install -y --no-install-recommends \t\t\tgit \t\t\tcmake \t\t\tpython3 \t\t\tpython3-pip \t\t\tpython3-venv \t\t\tpython3-dev \t\t\tunzip \t\t\trsync \t\t\tautomake \t\t\tautoconf \t\t\tlibtool \t\t\tg++; \t\tapt-get install -y --no-install-recommends clang-21 lld-21 llvm-21; \t\texport PATH=\"/usr/lib/llvm-21/bin:$PATH\"; \tfi; \t\trm -f /etc/apt/sources.list.d/backports.list; \trm -rf /var/lib/apt/lists/*; \t\twget -O redis.tar.gz \"$REDIS_DOWNLOAD_URL\"; \techo \"$REDIS_DOWNLOAD_SHA *redis.tar.gz\" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *1 *,.*[)],$' /usr/src/redis/src/config.c; \tsed -ri 's!^( *createBoolConfig[(]\"protected-mode\",.*, *)1( *,.*[)],)$!\\10\\2!' /usr/src/redis/src/config.c; \tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *0 *,.*[)],$' /usr/src/redis/src/config.c; \t\tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \textraJemallocConfigureFlags=\"--build=$gnuArch\"; \tcase \"${arch##*-}\" in \t\tamd64 | i386 | x32) extraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-page=12\" ;; \t\t*) extraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-page=16\" ;; \tesac; \textraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-hugepage=21\"; \tgrep -F 'cd jemalloc && ./configure ' /usr/src/redis/deps/Makefile; \tsed -ri 's!cd jemalloc && ./configure !&'\"$extraJemallocConfigureFlags\"' !' /usr/src/redis/deps/Makefile; \tgrep -F \"cd jemalloc && ./configure $extraJemallocConfigureFlags \" /usr/src/redis/deps/Makefile; \t\texport BUILD_TLS=yes; \tif [ \"$BUILD_WITH_MODULES\" = \"yes\" ]; then \t\texport LTO=1; \t\tmake -C /usr/src/redis/modules install-rust INSTALL_RUST_TOOLCHAIN=yes; \t\tmake -C /usr/src/redis -j \"$(nproc)\" deploy; \t\tmake -C /usr/src/redis/modules uninstall-rust INSTALL_RUST_TOOLCHAIN=yes; \telse \t\tmake -C /usr/src/redis -j \"$(nproc)\" deploy redis; \tfi; \trm -r /usr/src/redis; \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/cache/debconf/*; \t\tredis-cli --version; \tredis-server --version";

const ENTRYPOINT = `#!/bin/sh
# redis image entrypoint: an option or a *.conf as first argument means redis-server; as root,
# hand the data directory to the redis user and run again as redis; then start the server
# with the bundled modules.
set -e

if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

server=
case "$1" in
redis-server | /usr/local/bin/redis-server) server=yes ;;
esac

if [ -n "$server" ] && [ -z "\${SKIP_DROP_PRIVS:-}" ] && [ "$(id -u)" = 0 ]; then
	if [ -z "\${SKIP_FIX_PERMS:-}" ]; then
		for f in . ./*.rdb ./appendonlydir; do
			[ -e "$f" ] && chown redis "$f" 2>/dev/null
		done
	fi
	exec setpriv --reuid redis --regid redis --clear-groups --nnp "$0" "$@"
fi

if [ "$(umask)" = 0022 ]; then
	umask 0077
fi

if [ -n "$server" ]; then
	echo "Starting Redis Server"
	modules_dir=/usr/local/lib/redis/modules/
	for module in "$modules_dir"/*.so; do
		if [ -s "$module" ] && [ -x "$module" ]; then
			set -- "$@" --loadmodule "$module"
		fi
	done
fi

exec "$@"
`;

function build(t: LayerTree): void {
  t.exe("usr/local/bin/redis-server", "redis-server", 16_452_336).exe("usr/local/bin/redis-cli", "redis-cli", 8_147_304).exe("usr/local/bin/redis-benchmark", "redis-cli", 7_866_480);
  for (const l of ["redis-check-aof", "redis-check-rdb", "redis-sentinel"]) t.symlink(`usr/local/bin/${l}`, "redis-server");
  for (const m of ["redisbloom.so", "redisearch.so", "rejson.so", "redistimeseries.so"]) t.exe(`usr/local/lib/redis/modules/${m}`, "redis-module", 4096);
  t.exe("usr/bin/setpriv", "setpriv", 51_464);
}

const at0 = 86_400 + 37 * 60 + 9;

/** redis 8.10.1, built a day after its Debian base. */
export const REDIS_MODEL: ImageModel = {
  tags: ["redis:latest", `redis:${REDIS_VERSION}`, "redis:8.10", "redis:8"],
  age: DEBIAN_BASE_AGE,
  config: {
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", `REDIS_VERSION=${REDIS_VERSION}`],
    Cmd: ["redis-server"],
    Entrypoint: ["docker-entrypoint.sh"],
    ExposedPorts: { "6379/tcp": {} },
    WorkingDir: "/data",
  },
  steps: [
    { createdBy: DEBIAN_BASE_CREATED_BY, at: 0, layer: debianBaseLayer, size: DEBIAN_BASE_SIZE, comment: null },
    { createdBy: "RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit", at: at0, layer: (t) => debianAccounts(t, ["redis:x:999:999::/home/redis:/bin/sh"], ["redis:x:999:"]), size: 4_113 },
    { createdBy: "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit", at: at0 + 2, layer: (t) => t.dir("var/lib/dpkg"), size: 2_974 },
    { createdBy: `ENV REDIS_VERSION=${REDIS_VERSION}`, at: at0 + 365 },
    { createdBy: `ARG REDIS_DOWNLOAD_URL=${DOWNLOAD_URL}`, at: at0 + 365 },
    { createdBy: `ARG REDIS_DOWNLOAD_SHA=${DOWNLOAD_SHA}`, at: at0 + 365 },
    { createdBy: `RUN ${ARGS} /bin/sh -c ${BUILD} # buildkit`, at: at0 + 365, layer: build, size: 66_920_000 },
    { createdBy: `RUN ${ARGS} /bin/sh -c mkdir /data && chown redis:redis /data # buildkit`, at: at0 + 366, layer: (t) => t.dir("data", 0o755, 999, 999) },
    { createdBy: "WORKDIR /data", at: at0 + 366, layer: () => {} },
    { createdBy: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", at: at0 + 366, layer: (t) => t.file("usr/local/bin/docker-entrypoint.sh", ENTRYPOINT, 0o755) },
    { createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]', at: at0 + 366 },
    { createdBy: "EXPOSE map[6379/tcp:{}]", at: at0 + 366 },
    { createdBy: 'CMD ["redis-server"]', at: at0 + 366 },
  ],
};
