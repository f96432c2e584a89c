/**
 * Preloaded (`node --import`) into the reference server when it is profiled:
 * it has no SIGTERM handler, and `--cpu-prof` writes its profile only when
 * the process exits normally.
 */
process.on('SIGTERM', () => process.exit(0));
