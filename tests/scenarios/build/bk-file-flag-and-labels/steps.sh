# BuildKit: -f another Dockerfile, --label added to the image, missing Dockerfile error
docker build -q -f build/other.df --label team=core --label stage=test -t ff:1 .
docker inspect -f '{{json .Config.Labels}}' ff:1
docker build -f nope.Dockerfile .
