# BuildKit: the escape directive, line continuations, and comments inside a continued instruction
docker build -q -t esc:1 .
docker run --rm esc:1 cat /a /b
docker build -q -t esc:2 -f Dockerfile.backslash .
docker run --rm esc:2 cat /c
