/**
 * The Monte Carlo's random numbers, the same on every platform and for any chunking of the paths.
 *
 * Path i of a run with seed s has its own stream: xoshiro128** 1.0 (Blackman & Vigna,
 * https://prng.di.unimi.it/xoshiro128starstar.c; period 2^128 − 1, passes BigCrush) whose 128-bit
 * state is two outputs of SplitMix64 (Steele, Lea & Flood 2014, https://prng.di.unimi.it/splitmix64.c)
 * started at s × 2^32 + i — the seeding the xoshiro authors recommend. A path's numbers depend only on
 * (s, i), never on which worker or chunk runs it. Integer arithmetic only (BigInt for SplitMix64,
 * Math.imul for xoshiro), so the bits are exact everywhere.
 */
const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

/** SplitMix64 from `state`: the successive 64-bit outputs. */
export function splitMix64(state: bigint): () => bigint {
  let x = state & MASK64;
  return () => {
    x = (x + GOLDEN_GAMMA) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** xoshiro128** over an explicit state (not all zero): successive 32-bit unsigned outputs. */
export function xoshiro128ss(state: readonly [number, number, number, number]): () => number {
  let [s0, s1, s2, s3] = state;
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
}

/** Seeds are whole numbers in [0, 2^32): the CLI's --seed and the API's `seed`. */
export const MAX_SEED = 0xffff_ffff;

/** Path `index`'s stream under `seed`: uniforms on (0, 1) with 53 random bits, never 0 or 1. */
export function pathStream(seed: number, index: number): () => number {
  const next = splitMix64((BigInt(seed) << 32n) | BigInt(index));
  const a = next();
  const b = next();
  const words: [number, number, number, number] = [Number(a >> 32n), Number(a & 0xffff_ffffn), Number(b >> 32n), Number(b & 0xffff_ffffn)];
  const uint32 = xoshiro128ss(words);
  // 27 + 26 bits → an integer k in [0, 2^53); (k + ½) / 2^53 keeps the inverse normal finite.
  return () => ((uint32() >>> 5) * 67_108_864 + (uint32() >>> 6) + 0.5) / 9_007_199_254_740_992;
}
