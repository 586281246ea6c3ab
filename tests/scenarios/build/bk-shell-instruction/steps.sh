# BuildKit: SHELL changes how shell-form RUN and CMD are run, and the history text
docker build -q -t sh:1 .
docker history --no-trunc --format '{{.CreatedBy}}' sh:1 | head -3
docker inspect -f '{{json .Config.Cmd}} {{json .Config.Shell}}' sh:1
