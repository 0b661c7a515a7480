/** Sizes as people read them: "512 B", "3.4 KB", "12.0 MB" (binary units, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Megabytes with one decimal, rounded up so a total just over a limit never reads as equal to it. */
export function megabytesRoundedUp(bytes: number): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
