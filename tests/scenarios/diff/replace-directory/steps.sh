# deleting a directory and making it again shows as a change of it; new files inside as added
docker run --name re busybox sh -c 'rm -r /var/www && mkdir /var/www && touch /var/www/new'
docker diff re | sort
docker run --name mv busybox sh -c 'mv /etc/group /etc/group.old'
docker diff mv | sort
