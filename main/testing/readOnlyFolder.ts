import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Makes a folder read-only for this process, as a read-only disk or a folder without write permission is. Root ignores
 * permission bits, so as root the folder is bind-mounted read-only over itself; anyone else loses the write bits.
 * Returns how to undo it, or null where neither is possible here (root without the right to mount).
 */
export function makeFolderReadOnly(dir: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555);
    return () => fs.chmodSync(dir, 0o755);
  }
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  // Lazily: a connection that failed to open may still hold a descriptor until it is collected.
  const undo = () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', dir], { stdio: 'ignore' });
  } catch {
    undo();
    return null;
  }
  return undo;
}
