/**
 * registry:2 (the open-source Distribution registry, v2.8.3), modelled on the published image's
 * Dockerfile: Alpine with ca-certificates, /bin/registry, the example config as
 * /etc/docker/registry/config.yml, VOLUME /var/lib/registry, EXPOSE 5000, /entrypoint.sh
 * (a *.yml first argument means `registry serve`). Its base is this course's Alpine model (the
 * published image uses an older Alpine), so it shares that layer with node:22-alpine. Sizes
 * follow the published image (about 25 MB).
 */
import type { ImageModel, LayerTree } from "../model";
import { alpineLayer, ALPINE_SIZE } from "../base/alpine";

const CONFIG = `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

const ENTRYPOINT = `#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

function certsLayer(t: LayerTree): void {
  t.dir("etc/ssl/certs");
  t.file("etc/ssl/certs/ca-certificates.crt", "# ca-certificates bundle (abridged)\n");
}

const day = 86_400;

export const REGISTRY_MODEL: ImageModel = {
  tags: ["registry:2", "registry:2.8", "registry:2.8.3", "registry:latest"],
  // the Alpine base was added when node:22-alpine's was, so the two share that layer
  age: 14 * day * 1000,
  steps: [
    { createdBy: "ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit", at: 0, layer: alpineLayer, size: ALPINE_SIZE },
    { createdBy: 'CMD ["/bin/sh"]', at: 0 },
    { createdBy: "RUN /bin/sh -c set -ex     && apk add --no-cache ca-certificates # buildkit", at: 2 * day, layer: certsLayer, size: 680_000 },
    { createdBy: "COPY ./registry/registry /bin/registry # buildkit", at: 2 * day + 5, layer: (t) => t.exe("bin/registry", "registry", 16_052_224), size: 16_052_224 },
    { createdBy: "COPY ./registry/config-example.yml /etc/docker/registry/config.yml # buildkit", at: 2 * day + 5, layer: (t) => t.file("etc/docker/registry/config.yml", CONFIG) },
    { createdBy: 'VOLUME [/var/lib/registry]', at: 2 * day + 5 },
    { createdBy: "EXPOSE map[5000/tcp:{}]", at: 2 * day + 5 },
    { createdBy: "COPY docker-entrypoint.sh /entrypoint.sh # buildkit", at: 2 * day + 5, layer: (t) => t.file("entrypoint.sh", ENTRYPOINT, 0o755) },
    { createdBy: 'ENTRYPOINT ["/entrypoint.sh"]', at: 2 * day + 5 },
    { createdBy: 'CMD ["/etc/docker/registry/config.yml"]', at: 2 * day + 5 },
  ],
  config: {
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
    Entrypoint: ["/entrypoint.sh"],
    Cmd: ["/etc/docker/registry/config.yml"],
    ExposedPorts: { "5000/tcp": {} },
    Volumes: { "/var/lib/registry": {} },
  },
};
