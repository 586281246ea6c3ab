/** The CheckEngine conformance cases on the simulator: SimEngine over a fresh simulated host. */
import { createHost } from "../../simulator/host/host";
import { shellQuote } from "../../simulator/check/runner";
import { SimEngine } from "../../simulator/check/sim-engine";
import { engineConformance } from "./conformance-cases";

engineConformance("simulator", async () => {
  const host = createHost();
  return {
    engine: new SimEngine(host),
    run: (argv: string[]) => host.run(["docker", ...argv].map(shellQuote).join(" "), { limitMs: 60_000 }),
  };
});
