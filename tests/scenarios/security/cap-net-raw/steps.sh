# ping needs a raw socket (CAP_NET_RAW); dropping it breaks ping
docker run --rm busybox ping -c 1 -W 1 127.0.0.1 | head -2 | cut -d= -f1-3
docker run --rm --cap-drop NET_RAW busybox ping -c 1 -W 1 127.0.0.1
