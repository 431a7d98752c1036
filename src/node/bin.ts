// The process entry of `selfeval` (bin/selfeval.js requires the compiled form of this file).

import { main } from './cli';

main(process.argv, {
  stdout: (s) => {
    process.stdout.write(s);
  },
  stderr: (s) => {
    process.stderr.write(s);
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('处理工作簿时出现意外错误，无法完成检查\n');
    process.exitCode = 2;
  },
);

// A closed pipe (`selfeval check x.xlsx | head`) is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exitCode = process.exitCode ?? 0;
});
