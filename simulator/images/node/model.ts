/**
 * node:22-alpine (Node.js 22.23.3 on Alpine 3.24), modelled on the published image.
 *
 * Source: docker-library/repo-info, repos/node/remote/22-alpine.md (history, Entrypoint
 * ["docker-entrypoint.sh"], Cmd ["node"], 4 layers) and repos/node/local/22.23-alpine.md (Env
 * PATH, NODE_VERSION, YARN_VERSION; 167.77 MB on disk); the entrypoint's behaviour from
 * nodejs/docker-node docker-entrypoint.sh. Layer sizes are estimates from the compressed sizes
 * that add up to the 167.77 MB.
 *
 * What runs: `node` is this model's JavaScript subset (see runtime.ts), not V8; npm and yarn
 * install only what needs no registry and run package.json scripts (see pkg.ts).
 */
import type { ImageModel, LayerTree } from "../model";
import { alpineAccounts, alpineLayer, ALPINE_SIZE } from "../base/alpine";
import { NODE_VERSION } from "./runtime";
import { YARN_VERSION } from "./pkg";

const ENTRYPOINT = `#!/bin/sh
set -e

# An option or a file that is not a command means "run it with node"
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

function nodeLayer(t: LayerTree): void {
  alpineAccounts(t, ["node:x:1000:1000::/home/node:/bin/sh"], ["node:x:1000:node"]);
  t.dir("home/node", 0o755, 1000, 1000);
  t.exe("usr/local/bin/node", "node", 117_354_392);
  t.symlink("usr/local/bin/nodejs", "/usr/local/bin/node");
  t.exe("usr/local/lib/node_modules/npm/bin/npm-cli.js", "npm", 54, 0o755).exe("usr/local/lib/node_modules/npm/bin/npx-cli.js", "npm", 2_922, 0o755);
  t.file("usr/local/lib/node_modules/npm/package.json", '{\n  "name": "npm",\n  "version": "10.9.3"\n}\n');
  t.symlink("usr/local/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js").symlink("usr/local/bin/npx", "../lib/node_modules/npm/bin/npx-cli.js");
  t.dir("usr/local/include/node").dir("usr/local/share/doc/node");
}

function yarnLayer(t: LayerTree): void {
  t.exe(`opt/yarn-v${YARN_VERSION}/bin/yarn`, "yarn", 1_015, 0o755).exe(`opt/yarn-v${YARN_VERSION}/bin/yarnpkg`, "yarn", 42, 0o755);
  t.file(`opt/yarn-v${YARN_VERSION}/package.json`, `{\n  "name": "yarn",\n  "version": "${YARN_VERSION}"\n}\n`);
  t.symlink("usr/local/bin/yarn", `/opt/yarn-v${YARN_VERSION}/bin/yarn`).symlink("usr/local/bin/yarnpkg", `/opt/yarn-v${YARN_VERSION}/bin/yarnpkg`);
}

const day = 86_400;

/** node 22.23.3 on Alpine 3.24.2: the base six days before the node layers, as published. */
export const NODE_MODEL: ImageModel = {
  tags: ["node:22-alpine", `node:${NODE_VERSION}-alpine`, "node:22.23-alpine", "node:22-alpine3.24", "node:lts-alpine"],
  age: 14 * day * 1000,
  config: {
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", `NODE_VERSION=${NODE_VERSION}`, `YARN_VERSION=${YARN_VERSION}`],
    Cmd: ["node"],
    Entrypoint: ["docker-entrypoint.sh"],
  },
  steps: [
    { createdBy: "ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit", at: 0, layer: alpineLayer, size: ALPINE_SIZE },
    { createdBy: 'CMD ["/bin/sh"]', at: 0 },
    { createdBy: `ENV NODE_VERSION=${NODE_VERSION}`, at: 6 * day + 1923 },
    { createdBy: "RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH='linux*' && alpineArch=\"$(apk --print-arch)\"       && case \"${alpineArch##*-}\" in         x86_64) ARCH='x64' CHECKSUM=\"9b177f0c140a82a3d247e8f54586a65dbdf91e5e3a01f04708dabfdc9e0e01c4\" OPENSSL_ARCH=linux-x86_64;;         aarch64) OPENSSL_ARCH=linux-aarch64;;         arm*) OPENSSL_ARCH=linux-armv4;;         s390x) OPENSSL_ARCH=linux-s390x;;         *) echo \"unsupported architecture\"; exit 1 ;;       esac   && if [ -n \"${CHECKSUM}\" ]; then     set -eu;     curl -fsSLO --compressed \"https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\";     echo \"$CHECKSUM  node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" | sha256sum -c -       && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   else     echo \"Building from source\"     && apk add --no-cache --virtual .build-deps-full         binutils-gold         g++         gcc         gnupg         libgcc         linux-headers         make         python3         py-setuptools     && export GNUPGHOME=\"$(mktemp -d)\"     && for key in       5BE8A3F6C8A5C01D106C0AD820B1A390B168D356       DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7       CC68F5A3106FF448322E48ED27F5E38D5B0A215F       890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4       C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C       108F52B48DB57BB0CC439B2997B01419BD92F80A       655F3B5C1FB3FA8D1A0CA6BDE4A7D232B936D2FD       A363A499291CBBC940DD62E41F10027AF002F8B0     ; do       { gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" && gpg --batch --fingerprint \"$key\"; } ||       { gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" && gpg --batch --fingerprint \"$key\"; } ;     done     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION.tar.xz\"     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"     && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc     && gpgconf --kill all     && rm -rf \"$GNUPGHOME\"     && grep \" node-v$NODE_VERSION.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -     && tar -xf \"node-v$NODE_VERSION.tar.xz\"     && cd \"node-v$NODE_VERSION\"     && ./configure     && make -j$(getconf _NPROCESSORS_ONLN) V=     && make install     && apk del .build-deps-full     && cd ..     && rm -Rf \"node-v$NODE_VERSION\"     && rm \"node-v$NODE_VERSION.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt;   fi   && rm -f \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\"   && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name \"$OPENSSL_ARCH\" -exec rm -rf {} \\;   && apk del .build-deps   && node --version   && npm --version   && rm -rf /tmp/* # buildkit", at: 6 * day + 1923, layer: nodeLayer, size: 154_060_000 },
    { createdBy: `ENV YARN_VERSION=${YARN_VERSION}`, at: 6 * day + 1923 },
    { createdBy: "RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     { gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" && gpg --batch --fingerprint \"$key\"; } ||     { gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" && gpg --batch --fingerprint \"$key\"; } ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/* # buildkit", at: 6 * day + 1927, layer: yarnLayer, size: 5_400_000 },
    { createdBy: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", at: 6 * day + 1927, layer: (t) => t.file("usr/local/bin/docker-entrypoint.sh", ENTRYPOINT, 0o755) },
    { createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]', at: 6 * day + 1927 },
    { createdBy: 'CMD ["node"]', at: 6 * day + 1927 },
  ],
};
