# BuildKit: after a failed step, the steps before it are cached
docker build -q -t fix:1 . 2>/dev/null
sed -i 's/exit 3/true/' Dockerfile
docker build -t fix:1 .
