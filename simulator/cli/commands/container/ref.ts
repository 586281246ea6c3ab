/** The API client's own check on a container reference: an empty one never reaches the daemon. */
export function checkRef(ref: string): void {
  if (ref === "") throw new Error("invalid container name or ID: value is empty");
}
