# Legacy builder: --chown works, --chmod needs BuildKit
DOCKER_BUILDKIT=0 docker build -q -t cc:1 -f Dockerfile.chown .
docker run --rm --pull never cc:1 sh -c 'stat -c "%n %u:%g %a" /a.txt /d /d/b.txt'
DOCKER_BUILDKIT=0 docker build -q -t cc:2 .
