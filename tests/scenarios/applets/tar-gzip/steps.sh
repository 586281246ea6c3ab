# tar and gzip inside a container: create, list, extract
docker run --rm busybox sh -c 'mkdir -p /d/sub && echo a > /d/a && echo b > /d/sub/b && tar -czf /t.tgz -C /d . && tar -tzf /t.tgz | sort'
docker run --rm busybox sh -c 'echo hello > /f && gzip /f && ls /f* && gunzip /f.gz && cat /f'
docker run --rm busybox sh -c 'tar -xf /nonexistent.tar'
