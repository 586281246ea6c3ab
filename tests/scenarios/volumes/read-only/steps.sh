# :ro and readonly mounts refuse writes with "Read-only file system"
docker run --rm -v rodata:/data busybox sh -c 'echo seed > /data/f'
docker run --rm -v rodata:/data:ro busybox sh -c 'echo x > /data/f'
docker run --rm -v rodata:/data:ro busybox touch /data/g
docker run --rm --mount type=volume,src=rodata,dst=/data,readonly busybox rm /data/f
docker run --rm -v rodata:/data:ro busybox cat /data/f
mkdir -p hostro && docker run --rm -v "$(pwd)/hostro":/h:ro busybox mkdir /h/sub
docker run --rm -v rodata:/data:ro busybox sh -c 'grep " /data " /proc/mounts | cut -d" " -f4 | cut -d, -f1'
