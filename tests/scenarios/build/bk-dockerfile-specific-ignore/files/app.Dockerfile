FROM busybox
COPY . /ctx
