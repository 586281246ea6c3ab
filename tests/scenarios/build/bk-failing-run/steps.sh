# BuildKit: a failing RUN prints the error block with the exit code; nothing is tagged
docker build -t fail:1 .
docker images -q fail
