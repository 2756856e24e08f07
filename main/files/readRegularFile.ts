// Reading a file named on the command line: only a regular file, and only up to a limit, checked before reading.
// `/dev/zero`, a FIFO or `/dev/stdin` would otherwise be read for ever (or until memory runs out).
import fs from 'node:fs';

export class InputFileError extends Error {
  override name = 'InputFileError';
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1).replace(/\.0$/, '')} MB`;

/** The file's bytes; `hint` follows the message when the file is too large (what the user can do about it). */
export function readRegularFile(file: string, maxBytes: number, hint = ''): Buffer {
  const refuseKind = (stat: fs.Stats) => {
    if (!stat.isFile()) throw new InputFileError(`${file} is not a regular file (${stat.isDirectory() ? 'a folder' : 'a device, pipe or socket'}).`);
    if (stat.size > maxBytes) throw new InputFileError(`${file} is ${megabytes(stat.size)}; the limit is ${megabytes(maxBytes)}.${hint ? ` ${hint}` : ''}`);
  };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new InputFileError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  // Checked before opening, and the file opened without waiting: opening a FIFO for reading waits for a writer.
  refuseKind(stat);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    // And again on what was opened, in case the name was swapped in between.
    const opened = fs.fstatSync(fd);
    refuseKind(opened);
    // One byte more than its size shows a file that grew since it was measured.
    const buffer = Buffer.alloc(opened.size + 1);
    let length = 0;
    let read: number;
    do {
      read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      length += read;
    } while (read > 0 && length < buffer.length);
    if (length > opened.size) throw new InputFileError(`${file} changed while it was read; try again.`);
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}
