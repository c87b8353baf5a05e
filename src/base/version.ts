/** modpol's version, as `--version` and SARIF logs report it. */
export const VERSION = "0.1.0";
