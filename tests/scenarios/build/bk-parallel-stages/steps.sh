# BuildKit: independent stages run in parallel and their output interleaves
docker build -t par:1 .
docker run --rm par:1 cat /x /y
