# BuildKit: several -t, -q prints only the ID, --iidfile writes it
docker build -q -t one:1 -t two:latest --iidfile id.txt .
cat id.txt
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker build -t Bad:Tag .
