# unknown commands and subcommands, and commands with the wrong number of arguments
docker nope
docker container nope
docker image
docker rename onlyone
docker run
docker wait
docker port
