# BuildKit: COPY --from a stage path that does not exist
docker build -t cfm:1 .
