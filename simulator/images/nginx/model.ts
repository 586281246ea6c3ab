/**
 * nginx:latest (1.31.3 on Debian trixie), modelled on the published image.
 *
 * Source: the image's history, config and layer list as docker-library/repo-info records them
 * (repos/nginx/remote/latest.md and repos/nginx/local/latest.md: Entrypoint
 * ["/docker-entrypoint.sh"], Cmd ["nginx","-g","daemon off;"], ExposedPorts 80/tcp,
 * StopSignal SIGQUIT, Env NGINX_VERSION/NJS_VERSION/NJS_RELEASE/ACME_VERSION/PKG_RELEASE/
 * DYNPKG_RELEASE, label maintainer; 7 layers, 161.33 MB on disk) and the Dockerfile in
 * nginxinc/docker-nginx (mainline/debian). Layer sizes: the base and the five COPY layers as
 * listed here; the package layer is the rest of the 161.33 MB.
 *
 * The entrypoint scripts are this model's own, written to print what the image's scripts print
 * and to do what they do in the model's world (no IPv6: the IPv6 script reports it unavailable).
 */
import type { ImageModel, LayerTree } from "../model";
import { DEBIAN_BASE_AGE, DEBIAN_BASE_CREATED_BY, DEBIAN_BASE_SIZE, debianAccounts, debianBaseLayer } from "../base/debian";
import { NGINX_VERSION } from "./server";

const RUN_LINE = "RUN /bin/sh -c " + "set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment \"nginx user\" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS=\"573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3\";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME=\"$(mktemp -d)\";     found='';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo \"Fetching GPG key $NGINX_GPGKEY from $server\";         gpg1 --batch --keyserver \"$server\" --keyserver-options timeout=10 --recv-keys \"$NGINX_GPGKEY\" && found=yes && break;     done;     test -z \"$found\" && echo >&2 \"error: failed to fetch GPG key $NGINX_GPGKEY\" && exit 1;     done;     gpg1 --batch --export $NGINX_GPGKEYS > \"$NGINX_GPGKEY_PATH\" ;     rm -rf \"$GNUPGHOME\";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch=\"$(dpkg --print-architecture)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}         nginx-module-acme=${NGINX_VERSION}+${ACME_VERSION}-${PKG_RELEASE}     \"     && case \"$dpkgArch\" in         amd64|arm64)             echo \"deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ trixie nginx\" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir=\"$(mktemp -d)\"             && chmod 777 \"$tempDir\"                         && savedAptMark=\"$(apt-mark showmanual)\"                         && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 cargo                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd \"$tempDir\"                 && export CARGO_HOME=\"$tempDir/.cargo\"                 && REVISION=\"${NGINX_VERSION}-${PKG_RELEASE}\"                 && REVISION=${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${REVISION}.tar.gz                 && PKGOSSCHECKSUM=\"524b75cc72657ce77d90cd25c305aba0a19a7f8a3e5dec8e1cc585cd7985663a444c7873e9040b4576285b49ac117c1ea4bb4077dc592eca52316935e1f75adf *${REVISION}.tar.gz\"                 && if [ \"$(openssl sha512 -r ${REVISION}.tar.gz)\" = \"$PKGOSSCHECKSUM\" ]; then                     echo \"pkg-oss tarball checksum verification succeeded!\";                 else                     echo \"pkg-oss tarball checksum verification failed!\";                     exit 1;                 fi                 && tar xzvf ${REVISION}.tar.gz                 && cd pkg-oss-${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt module-acme; do                     make rules-$target;                     mk-build-deps --install --tool=\"apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes\"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt module-acme             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh \"$tempDir\"             && ( cd \"$tempDir\" && dpkg-scanpackages . > Packages )             && grep '^Package: ' \"$tempDir/Packages\"             && echo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n \"$tempDir\" ]; then         apt-get purge -y --auto-remove         && rm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d" + " # buildkit";

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`.slice(1);

export const DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

export const INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const FIFTY_X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const MIME_TYPES: Array<[string, string]> = [
  ["text/html", "html htm shtml"], ["text/css", "css"], ["text/xml", "xml"], ["image/gif", "gif"], ["image/jpeg", "jpeg jpg"],
  ["application/javascript", "js"], ["application/atom+xml", "atom"], ["application/rss+xml", "rss"], ["text/plain", "txt"],
  ["image/png", "png"], ["image/svg+xml", "svg svgz"], ["image/webp", "webp"], ["image/x-icon", "ico"], ["font/woff", "woff"],
  ["font/woff2", "woff2"], ["application/json", "json"], ["application/pdf", "pdf"], ["application/wasm", "wasm"],
  ["application/zip", "zip"], ["application/octet-stream", "bin exe dll"], ["audio/mpeg", "mp3"], ["video/mp4", "mp4"],
];

const MIME = "\ntypes {\n" + MIME_TYPES.map(([t, e]) => `    ${t.padEnd(40)} ${e};`).join("\n") + "\n}\n";

const ENTRYPOINT = `#!/bin/sh
# nginx image entrypoint: before nginx starts, run the scripts in /docker-entrypoint.d
# (*.envsh are sourced, *.sh launched), then become the command.
set -e

say() {
    [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"
}

if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
    found=
    for f in /docker-entrypoint.d/*; do
        [ -f "$f" ] && found=yes
    done
    if [ -n "$found" ]; then
        say "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
        say "$0: Looking for shell scripts in /docker-entrypoint.d/"
        for f in /docker-entrypoint.d/*; do
            [ -f "$f" ] || continue
            case "$f" in
            *.envsh)
                if [ -x "$f" ]; then say "$0: Sourcing $f"; . "$f"; else say "$0: Ignoring $f, not executable"; fi ;;
            *.sh)
                if [ -x "$f" ]; then say "$0: Launching $f"; "$f"; else say "$0: Ignoring $f, not executable"; fi ;;
            *)
                say "$0: Ignoring $f" ;;
            esac
        done
        say "$0: Configuration complete; ready for start up"
    else
        say "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
`;

const LISTEN_IPV6 = `#!/bin/sh
# Adds "listen [::]:80;" to the packaged default server when the container has IPv6.
set -e
ME=$(basename "$0")
CONF=/etc/nginx/conf.d/default.conf
say() { [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"; }

if [ ! -f /proc/net/if_inet6 ]; then
    say "$ME: info: ipv6 not available"
    exit 0
fi
if [ ! -f "$CONF" ]; then
    say "$ME: info: $CONF is not a file or does not exist"
    exit 0
fi
touch "$CONF" 2>/dev/null || { say "$ME: info: can not modify $CONF (read-only file system?)"; exit 0; }
grep -q "listen  \\[::]:80;" "$CONF" && { say "$ME: info: IPv6 listen already enabled"; exit 0; }
say "$ME: info: Getting the checksum of $CONF"
sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' "$CONF"
say "$ME: info: Enabled listen on IPv6 in $CONF"
`;

const LOCAL_RESOLVERS = `#!/bin/sh
# With NGINX_ENTRYPOINT_LOCAL_RESOLVERS set, exports the container's nameservers as
# NGINX_LOCAL_RESOLVERS for the templates.
[ "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0
NGINX_LOCAL_RESOLVERS=$(awk '$1 == "nameserver" { printf "%s ", $2 }' /etc/resolv.conf)
NGINX_LOCAL_RESOLVERS="\${NGINX_LOCAL_RESOLVERS% }"
export NGINX_LOCAL_RESOLVERS
`;

const ENVSUBST_TEMPLATES = `#!/bin/sh
# Renders /etc/nginx/templates/*.template into /etc/nginx/conf.d with envsubst,
# substituting only the variables set in the environment.
set -e
ME=$(basename "$0")
say() { [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"; }

template_dir="\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
suffix="\${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
output_dir="\${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"

[ -d "$template_dir" ] || exit 0
if [ ! -w "$output_dir" ]; then
    say "$ME: ERROR: $template_dir exists, but $output_dir is not writable"
    exit 0
fi
defined=$(env | cut -d= -f1 | sed 's/^/\\\${/; s/$/}/' | tr '\\n' ' ')
for template in $(find "$template_dir" -follow -type f -name "*$suffix"); do
    relative="\${template#"$template_dir/"}"
    output_path="$output_dir/\${relative%"$suffix"}"
    mkdir -p "$(dirname "$output_path")"
    say "$ME: Running envsubst on $template to $output_path"
    envsubst "$defined" < "$template" > "$output_path"
done
`;

const TUNE_WORKERS = `#!/bin/sh
# With NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE set, the image sizes worker_processes to the
# container's CPU quota; the model leaves "auto" (one per CPU) in place.
[ "\${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0
exit 0
`;

function packages(t: LayerTree): void {
  debianAccounts(t, ["nginx:x:101:101:nginx user:/nonexistent:/bin/false"], ["nginx:x:101:"]);
  t.exe("usr/sbin/nginx", "nginx", 1_659_928).exe("usr/sbin/nginx-debug", "nginx", 1_788_568);
  t.exe("usr/bin/envsubst", "envsubst", 35_456);
  t.exe("usr/bin/curl", "curl", 317_560);
  t.file("etc/nginx/nginx.conf", NGINX_CONF).file("etc/nginx/conf.d/default.conf", DEFAULT_CONF).file("etc/nginx/mime.types", MIME);
  t.symlink("etc/nginx/modules", "../../usr/lib/nginx/modules");
  for (const m of ["ngx_http_geoip_module.so", "ngx_http_image_filter_module.so", "ngx_http_js_module.so", "ngx_http_xslt_filter_module.so", "ngx_stream_geoip_module.so", "ngx_stream_js_module.so", "ngx_http_acme_module.so"]) t.file(`usr/lib/nginx/modules/${m}`, new Uint8Array(0));
  t.file("usr/share/nginx/html/index.html", INDEX_HTML).file("usr/share/nginx/html/50x.html", FIFTY_X);
  t.dir("var/cache/nginx").dir("var/log/nginx");
  t.symlink("var/log/nginx/access.log", "/dev/stdout").symlink("var/log/nginx/error.log", "/dev/stderr");
  t.dir("docker-entrypoint.d");
}

/** nginx 1.31.3, built three days after its Debian base (as the published build was). */
export const NGINX_MODEL: ImageModel = {
  tags: ["nginx:latest", `nginx:${NGINX_VERSION}`, "nginx:1.31", "nginx:mainline"],
  age: DEBIAN_BASE_AGE,
  config: {
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", `NGINX_VERSION=${NGINX_VERSION}`, "NJS_VERSION=1.0.0", "NJS_RELEASE=1~trixie", "ACME_VERSION=0.4.1", "PKG_RELEASE=1~trixie", "DYNPKG_RELEASE=1~trixie"],
    Cmd: ["nginx", "-g", "daemon off;"],
    Entrypoint: ["/docker-entrypoint.sh"],
    ExposedPorts: { "80/tcp": {} },
    Labels: { maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>" },
    StopSignal: "SIGQUIT",
  },
  steps: [
    { createdBy: DEBIAN_BASE_CREATED_BY, at: 0, layer: debianBaseLayer, size: DEBIAN_BASE_SIZE, comment: null },
    { createdBy: "LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>", at: 257_455 },
    { createdBy: `ENV NGINX_VERSION=${NGINX_VERSION}`, at: 257_455 },
    { createdBy: "ENV NJS_VERSION=1.0.0", at: 257_455 },
    { createdBy: "ENV NJS_RELEASE=1~trixie", at: 257_455 },
    { createdBy: "ENV ACME_VERSION=0.4.1", at: 257_455 },
    { createdBy: "ENV PKG_RELEASE=1~trixie", at: 257_455 },
    { createdBy: "ENV DYNPKG_RELEASE=1~trixie", at: 257_455 },
    { createdBy: RUN_LINE, at: 257_455, layer: packages, size: 82_697_000 },
    { createdBy: "COPY docker-entrypoint.sh / # buildkit", at: 257_455, layer: (t) => t.file("docker-entrypoint.sh", ENTRYPOINT, 0o775) },
    { createdBy: "COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit", at: 257_455, layer: (t) => t.file("docker-entrypoint.d/10-listen-on-ipv6-by-default.sh", LISTEN_IPV6, 0o775) },
    { createdBy: "COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit", at: 257_455, layer: (t) => t.file("docker-entrypoint.d/15-local-resolvers.envsh", LOCAL_RESOLVERS, 0o775) },
    { createdBy: "COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit", at: 257_455, layer: (t) => t.file("docker-entrypoint.d/20-envsubst-on-templates.sh", ENVSUBST_TEMPLATES, 0o775) },
    { createdBy: "COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit", at: 257_455, layer: (t) => t.file("docker-entrypoint.d/30-tune-worker-processes.sh", TUNE_WORKERS, 0o775) },
    { createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]', at: 257_455 },
    { createdBy: "EXPOSE map[80/tcp:{}]", at: 257_455 },
    { createdBy: "STOPSIGNAL SIGQUIT", at: 257_455 },
    { createdBy: 'CMD ["nginx" "-g" "daemon off;"]', at: 257_455 },
  ],
};
