import fc from "fast-check";

// Everyday runs: 200 property runs from a fresh random seed. Mutation runs (vitest.mutation.config.ts) set FC_RUNS
// lower and FC_SEED to a fixed seed, so that every mutant meets the same generated cases.
const seed = process.env.FC_SEED;
fc.configureGlobal({
  numRuns: Number(process.env.FC_RUNS ?? 200),
  ...(seed === undefined || seed === "" ? {} : { seed: Number(seed) }),
});
