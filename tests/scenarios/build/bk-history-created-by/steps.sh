# BuildKit: history texts for each instruction, 0B entries for metadata instructions
docker build -q -t hist:1 .
docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}' hist:1
