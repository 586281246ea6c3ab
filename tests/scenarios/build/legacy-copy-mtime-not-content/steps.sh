# Legacy builder: a touched file still uses the cache; a changed one does not
DOCKER_BUILDKIT=0 docker build -q -t m:1 .
sleep 1 && touch data.txt
DOCKER_BUILDKIT=0 docker build -t m:2 .
echo other > data.txt
DOCKER_BUILDKIT=0 docker build -t m:3 .
