# BuildKit: CMD, ENTRYPOINT, LABEL, MAINTAINER, EXPOSE, VOLUME, USER, STOPSIGNAL, HEALTHCHECK into the image config
docker build -q -t meta:1 .
docker inspect -f '{{json .Config.Cmd}} {{json .Config.Entrypoint}} {{.Config.User}} {{.Config.StopSignal}}' meta:1
docker inspect -f '{{json .Config.Labels}} {{json .Config.ExposedPorts}} {{json .Config.Volumes}}' meta:1
docker inspect -f '{{json .Config.Healthcheck}} {{.Author}}' meta:1
docker run --rm meta:1 extra
