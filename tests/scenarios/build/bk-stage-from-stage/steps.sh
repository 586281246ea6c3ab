# BuildKit: a stage built on another stage has no FROM vertex, so its steps count from 1
docker build -t sfs:1 .
docker run --rm sfs:1 cat /a /b1 /b2 /c
