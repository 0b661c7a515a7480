/** Small statistics for benchmarks: medians over repeated, interleaved runs. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) {
    return Number.NaN;
  }
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export const MB = 1024 * 1024;
