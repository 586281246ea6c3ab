# chown needs CAP_CHOWN: dropping it makes even root fail
docker run --rm busybox sh -c 'touch /f && chown 1000 /f && echo chowned'
docker run --rm --cap-drop CHOWN busybox sh -c 'touch /f && chown 1000 /f'
docker run --rm --cap-drop ALL --cap-add CHOWN busybox sh -c 'touch /f && chown 1000 /f && echo chowned'
