import type { TaskProgress } from './runningTasks';
import { formatBytes } from '../../format/bytes';

/** Reports download progress as "1.2 MB of 3.4 MB" with a proportional bar when the size is known. */
export function transferProgress(progress: TaskProgress): (received: number, total: number | undefined) => void {
  let reported = 0;
  return (received, total) => {
    if (total && total > 0) {
      const percent = Math.min(100, (received / total) * 100);
      progress.report({ message: `${formatBytes(received)} / ${formatBytes(total)}`, increment: percent - reported });
      reported = percent;
    } else {
      progress.report({ message: formatBytes(received) });
    }
  };
}
