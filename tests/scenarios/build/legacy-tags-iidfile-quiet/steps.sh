# Legacy builder: several -t, -q, --iidfile
DOCKER_BUILDKIT=0 docker build -q -t one:1 -t two:latest --iidfile id.txt .
cat id.txt
docker images --format '{{.Repository}}:{{.Tag}}' | sort
DOCKER_BUILDKIT=0 docker build -t one:2 -t two:2 .
