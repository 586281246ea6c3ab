# BuildKit: parse errors name the line: unknown instruction, missing arguments, bad JSON flags
docker build -f unknown.Dockerfile .
docker build -f noargs.Dockerfile .
docker build -f empty.Dockerfile .
docker build -f badflag.Dockerfile .
