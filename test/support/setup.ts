import fc from "fast-check";

// Mutation runs lower the number of property runs through FC_RUNS; everyday runs use 200.
fc.configureGlobal({ numRuns: Number(process.env.FC_RUNS ?? 200) });
