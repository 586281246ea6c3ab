# Legacy builder: the same parse errors
DOCKER_BUILDKIT=0 docker build -f unknown.Dockerfile .
DOCKER_BUILDKIT=0 docker build -f noargs.Dockerfile .
DOCKER_BUILDKIT=0 docker build -f empty.Dockerfile .
DOCKER_BUILDKIT=0 docker build -f badflag.Dockerfile .
