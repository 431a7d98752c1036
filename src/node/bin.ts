// The process entry of `selfeval` (bin/selfeval.js requires the compiled form of this file).
// Whatever happens, the user sees Chinese lines and an exit status, never a stack trace.

import { main } from './cli';

const UNEXPECTED = '处理工作簿时出现意外错误，无法完成检查';

function fail(e: unknown): void {
  const detail = e instanceof Error && e.message ? `（${e.message.split('\n')[0]}）` : '';
  process.stderr.write(`${UNEXPECTED}${detail}\n`);
  process.exit(2);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

// A closed pipe (`selfeval check x.xlsx | head`) is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') fail(e);
});

main(process.argv, {
  stdout: (s) => {
    process.stdout.write(s);
  },
  stderr: (s) => {
    process.stderr.write(s);
  },
  stderrStream: process.stderr,
}).then((code) => {
  process.exitCode = code;
}, fail);
