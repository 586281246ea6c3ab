# text tools on a small file: sort, uniq, cut, tr, sed, grep, wc
docker run --rm busybox sh -c 'printf "b 2\na 1\nb 2\nc 3\n" > /t; sort /t | uniq -c; cut -d" " -f2 /t | sort -n | tr "\n" ,; echo'
docker run --rm busybox sh -c 'printf "one\ntwo\nthree\n" | sed -n "2p;s/o/0/gp"; printf "x\ny\n" | grep -c y; printf "a b\n" | wc'
docker run --rm busybox sh -c 'echo hello | sed s/l/L/2; echo abc | tr a-c A-C; seq 3 | xargs echo'
