# making files of a given size with dd and measuring them with du and ls
docker run --rm busybox sh -c 'dd if=/dev/zero of=/f bs=1024 count=300 2>/dev/null; ls -l /f | awk '{print $1, $5}'; du -k /f'
docker run --rm busybox sh -c 'dd if=/dev/zero of=/f bs=1M count=3 2>&1; du -h /f'
docker run --rm busybox sh -c 'seq 1 1000 > /n; wc -c /n; md5sum /n | cut -c1-32; sha256sum /n | cut -c1-16'
