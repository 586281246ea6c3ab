# data in a named volume outlives the container that wrote it
docker run --rm -v notes:/notes busybox sh -c 'echo first note > /notes/a.txt'
docker run --rm -v notes:/notes busybox cat /notes/a.txt
docker run --rm -v notes:/notes busybox sh -c 'echo second >> /notes/a.txt && ls /notes'
docker run --rm -v notes:/other busybox cat /other/a.txt
docker volume ls -q
