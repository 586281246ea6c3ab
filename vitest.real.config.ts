import { defineConfig } from 'vitest/config';

/**
 * The real-Docker suite: re-records a sample of scenarios against a real engine with
 * scripts/record-goldens.sh and checks that they still match their goldens once normalised;
 * runs the engine conformance cases, the verify mode's safety test, and the course (exercises
 * and lesson transcripts) on a real engine. Skips itself when no engine is available. Run: npx vitest run -c vitest.real.config.ts
 * (LAYERLAB_REAL_SAMPLE=all re-records every scenario instead of one per topic).
 */
export default defineConfig({
  test: {
    include: ['tests/real/**/*.test.ts'],
    environment: 'node',
    // Recording runs real containers: minutes, not seconds.
    hookTimeout: 30 * 60_000,
    testTimeout: 60_000,
    fileParallelism: false,
  },
});
