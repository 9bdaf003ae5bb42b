// bench/lib/upload.mjs: a loan file uploaded as an admin does it — staged (sent, then
// previewed), queued for processing, followed until its job ends — for the benchmarks and
// their short versions in tests/e2e.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { expectStatus, sleep } from './dashboard_load.mjs';
import { apiCaller } from './requests.mjs';

const execFileAsync = promisify(execFile);

// POST /api/v1/uploads with `file` as the body, sent by curl: a process of its own, as an
// admin's browser would be, so whatever else this process does never slows its sending.
// → { status, json, retryAfter (s) }.
async function stage(base, session, file) {
  const name = encodeURIComponent(path.basename(file));
  const { stdout } = await execFileAsync('curl', ['-sS', '-X', 'POST', '--data-binary', `@${file}`,
    '-H', `Cookie: ${session.cookie}`, '-H', `X-CSRF-Token: ${session.csrf}`, '-H', `Origin: ${base}`,
    '-H', 'Content-Type: application/octet-stream', '-H', 'Expect:', '-D', '-', '-w', '\n%{http_code}',
    `${base}/api/v1/uploads?name=${name}&number_style=auto`], { maxBuffer: 1 << 26 });
  const lines = stdout.trimEnd().split('\n');
  const body = lines.at(-2);
  return {
    status: Number(lines.at(-1)),
    json: body.startsWith('{') ? JSON.parse(body) : null,
    retryAfter: Number(/^retry-after:\s*(\d+)/im.exec(stdout)?.[1] || 1),
  };
}

// Uploads `file` as `session` (an admin's, from signInSession), has it processed and waits
// for its job; `onStaged()` is called when the preview has answered. → { staged, status
// (the upload's last answer), stageSeconds (transfer + preview), totalSeconds }.
export async function uploadAndProcess(base, session, file, { onStaged = () => {} } = {}) {
  const admin = apiCaller(base, session);
  const start = Date.now();
  let answer;
  for (;;) {  // 503 busy while other previews fill the slots: wait as told, then again
    answer = await stage(base, session, file);
    if (answer.status !== 503) break;
    await sleep(1000 * answer.retryAfter);
  }
  const { upload: staged } = expectStatus(answer, [201], 'staging the upload');
  const stageSeconds = (Date.now() - start) / 1000;
  onStaged();
  expectStatus(await admin('POST', `/api/v1/uploads/${staged.id}/process`), [202], 'queueing the upload');
  let status;
  do {
    await sleep(250);
    ({ upload: status } = expectStatus(await admin('GET', `/api/v1/uploads/${staged.id}`), [200], 'upload status'));
  } while (status.status !== 'completed' && status.status !== 'failed');
  return { staged, status, stageSeconds, totalSeconds: (Date.now() - start) / 1000 };
}
