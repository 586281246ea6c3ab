# BuildKit: --target builds only the stages the target needs
docker build --target app -t tg:1 .
docker run --rm tg:1 cat /dep
docker build --target nosuch -t tg:2 .
