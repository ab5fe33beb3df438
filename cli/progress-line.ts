/** A one-line progress display on stderr, only when stderr is a terminal (scripts see nothing). */
export function createProgressLine(): { update(text: string): void; clear(): void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\u001b[2K${text}`);
    },
    clear() {
      if (tty && shown) process.stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
