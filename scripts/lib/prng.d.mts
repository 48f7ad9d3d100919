/** mulberry32: a tiny, fast seeded PRNG; the same seed gives the same sequence in [0, 1). */
export declare function prng(seed: number): () => number;
