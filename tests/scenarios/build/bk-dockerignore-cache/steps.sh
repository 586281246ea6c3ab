# BuildKit: changing an ignored file does not break the cache of COPY .
docker build -q -t dic:1 .
echo changed > notes.log
docker build -t dic:2 .
