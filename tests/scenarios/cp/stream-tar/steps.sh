# docker cp with - streams a tar archive through stdout or stdin
docker run --name src busybox sh -c 'echo data > /file'
docker cp src:/file - | tar -tv | awk '{print $1, $2, $3, $6}'
docker cp src:/file - | tar -xO
tar -cf in.tar note.txt
docker cp - src:/tmp < in.tar
docker cp src:/tmp/note.txt - | tar -xO
