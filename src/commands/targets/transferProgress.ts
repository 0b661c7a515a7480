import type { TaskProgress } from './runningTasks';

/** Reports download progress as "1.2 MB of 3.4 MB" with a proportional bar when the size is known. */
export function transferProgress(progress: TaskProgress): (received: number, total: number | undefined) => void {
  let reported = 0;
  return (received, total) => {
    if (total && total > 0) {
      const percent = Math.min(100, (received / total) * 100);
      progress.report({ message: `${megabytes(received)} / ${megabytes(total)}`, increment: percent - reported });
      reported = percent;
    } else {
      progress.report({ message: megabytes(received) });
    }
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
