# the default capability set as /proc shows it, and after --cap-drop ALL
docker run --rm busybox grep -E '^Cap(Prm|Eff|Bnd)' /proc/self/status
docker run --rm --cap-drop ALL busybox grep -E '^Cap(Prm|Eff|Bnd)' /proc/self/status
docker run --rm -u nobody busybox grep -E '^Cap(Prm|Eff)' /proc/self/status
