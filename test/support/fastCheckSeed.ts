import { fc } from "@fast-check/vitest";

// Property tests explore new random inputs on every developer run. In CI (CI=true) they use one
// fixed seed, so that a run is reproducible and a rare counterexample found later is reported by a
// developer run, not by the landing gate. Set FC_SEED to replay or vary a CI run.
if (process.env.CI) {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_121) });
}
