# Legacy builder: Step N/M, Running in, Removing intermediate container, Successfully built/tagged
DOCKER_BUILDKIT=0 docker build -t basic:1 .
docker run --rm basic:1
docker images --format '{{.Repository}}:{{.Tag}}' basic
