# ls -l layout with numeric ids, human sizes, inodes and recursion
docker run --rm busybox sh -c 'mkdir -p /x/y && echo hi > /x/f && ln -s f /x/l && cd /x && ls -ln | cut -c1-25'
docker run --rm busybox sh -c 'dd if=/dev/zero of=/big bs=1024 count=1500 2>/dev/null; ls -lh /big | cut -c1-10,28-38'
docker run --rm busybox sh -c 'mkdir -p /r/a/b && touch /r/a/b/c && ls -R /r'
docker run --rm busybox ls -la /nonexistent
