import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // A timeout only stops a hang: the heaviest tests (compiling every bundled rule file) take
    // 5 s on an idle machine and over 30 s on a shared one at load 12.
    testTimeout: 120_000,
    pool: "threads",
  },
});
