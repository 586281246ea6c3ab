# BuildKit history: <missing> IDs for the steps, "# buildkit" in CreatedBy, ARG values used by RUN shown
docker build -q --build-arg MODE=fast -t app:1 .
docker history --format '{{.ID}}|{{.CreatedBy}}|{{.Size}}|{{.Comment}}' --no-trunc app:1
docker history --format '{{.CreatedBy}}' app:1
docker history --format 'table {{.CreatedBy}}\t{{.Size}}' app:1
