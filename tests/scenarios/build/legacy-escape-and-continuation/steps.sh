# Legacy builder: the escape directive and line continuations
DOCKER_BUILDKIT=0 docker build -q -t esc:1 .
docker run --rm esc:1 cat /a /b
DOCKER_BUILDKIT=0 docker build -q -t esc:2 -f Dockerfile.backslash .
docker run --rm esc:2 cat /c
