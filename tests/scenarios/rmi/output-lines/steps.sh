# rmi prints Untagged: for each removed tag and Deleted: for the image and each layer it frees
docker build -q -t app:1 .
docker rmi app:1 | cut -d: -f1 | uniq -c | awk '{print $2, $1}'
docker build -q -t app:1 .
docker tag app:1 app:2
docker rmi app:1 app:2 | cut -d: -f1 | uniq -c | awk '{print $2, $1}'
