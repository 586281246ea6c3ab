# BuildKit: touching a copied file keeps the cache; changing its content misses from that step on
docker build -q -t m:1 .
sleep 1 && touch data.txt
docker build -t m:2 .
echo other > data.txt
docker build -t m:3 .
