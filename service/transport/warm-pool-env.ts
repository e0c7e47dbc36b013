/**
 * Whether the app's service warms its sweep threads (ServiceOptions.warmPool, docs/sweeps.md "Warm
 * threads in the app"): yes unless ABS_WARM_POOL=0 — set by the end-to-end tests' server
 * (test/helpers/web.ts), so a loaded 2-core CI machine does not run a warm-up in every test.
 */
export function warmPoolWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['ABS_WARM_POOL'] !== '0';
}
