FROM busybox
RUN echo hi
FOOBAR x
