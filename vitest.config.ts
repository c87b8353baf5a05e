import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // A timeout only stops a hang: the heaviest tests (compiling every bundled rule file) take
    // 5-35 s on an idle machine and passed two minutes on this shared one at load 16.
    testTimeout: 300_000,
    pool: "threads",
    // Every core: vitest's default leaves one to its main thread (one worker on a two-core CI
    // machine), which only waits on the workers while they compile policies and evaluate posts;
    // with two workers the suite took 535 s instead of 916 s on this machine.
    maxWorkers: "100%",
  },
});
