/**
 * The diffID of the busybox layer the simulator builds from busybox.data.ts: the digest of that
 * layer's tar stream. Every new host registers this layer, and hashing its 1.2 MB tar is the
 * largest cost of starting a host in the browser (about 45 ms on a fast machine), so it is
 * written down here. busybox-digest.test.ts recomputes it and says what to write when the model
 * or the tar writer changes.
 */
export const BUSYBOX_DIFF_ID = "sha256:37e6eb7fab949913a3377e42be83852642d76a98426da3bccf928967f9c31a2e";
