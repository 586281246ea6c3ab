# Legacy builder: --target builds every stage up to the target, needed or not
DOCKER_BUILDKIT=0 docker build --target app -t tg:1 .
docker run --rm tg:1 cat /dep
DOCKER_BUILDKIT=0 docker build --target nosuch -t tg:2 .
