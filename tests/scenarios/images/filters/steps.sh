# --filter dangling=, reference=, label=, before= and since= select images
docker build -q -t app:1 .
docker tag busybox other/box:v1
docker images --filter reference=app --format '{{.Repository}}:{{.Tag}}'
docker images --filter 'reference=*/*' --format '{{.Repository}}:{{.Tag}}'
docker images --filter label=stage=demo --format '{{.Repository}}:{{.Tag}}'
docker images --filter since=busybox --format '{{.Repository}}:{{.Tag}}'
docker images --filter before=app:1 --format '{{.Repository}}:{{.Tag}}' | sort
docker images --filter dangling=true --format '{{.Repository}}:{{.Tag}}'
docker images --filter bogus=1
