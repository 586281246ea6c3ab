# docker save (20.10 engine) writes manifest.json, repositories and one <id>/layer.tar per layer
docker save busybox -o busybox.tar
tar -tf busybox.tar | sed 's/[0-9a-f]\{64\}/<id>/g' | sort
tar -xOf busybox.tar manifest.json | grep -o '"RepoTags":\[[^]]*\]'
tar -xOf busybox.tar repositories | sed 's/[0-9a-f]\{64\}/<id>/g'
ls -l busybox.tar | awk '{print $5}'
