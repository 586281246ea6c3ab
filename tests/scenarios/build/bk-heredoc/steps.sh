# BuildKit: RUN with a here-document and COPY of an inline file
docker build -q -t hd:1 .
docker run --rm --pull never hd:1 cat /greeting /script.out
