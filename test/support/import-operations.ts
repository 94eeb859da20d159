import { TestApp } from './test-app';

export interface UploadResult {
  status: number;
  body: any;
}

/**
 * POST /imports as a browser form would (the option fields first, then the file); the upload
 * answers UPLOADED and a worker runs the dry run, so on success this then polls `import(id)`
 * until the dry run is done and answers that import (`{ import }`), as a client would.
 * `waitForDryRun: false` answers the upload's own response (a worker need not be running).
 */
export async function uploadCsv(
  t: TestApp,
  token: string | null,
  csv: string | Buffer,
  fields: Record<string, string> = {},
  fileName = 'stakeholders.csv',
  { waitForDryRun = true } = {},
): Promise<UploadResult> {
  const response = await postCsv(t, token, csv, fields, fileName);
  if (!waitForDryRun || response.status !== 201) return response;
  return { status: response.status, body: { import: await waitForDryRunOf(t, token!, response.body.import.id) } };
}

/** Polls the import until its dry run (a worker job) has ended: VALIDATED, or FAILED / CANCELLED. */
export async function waitForDryRunOf(t: TestApp, token: string, id: string, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await getImport(t, token, id);
    if (!['UPLOADED', 'VALIDATING'].includes(data?.import.status)) return data!.import;
    if (Date.now() > deadline) throw new Error(`the dry run of import ${id} is still ${data?.import.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function postCsv(t: TestApp, token: string | null, csv: string | Buffer, fields: Record<string, string>, fileName: string): Promise<UploadResult> {
  const boundary = `----regain${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`));
  parts.push(Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  const response = await t.app.inject({
    method: 'POST',
    url: '/imports',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: Buffer.concat(parts),
  });
  return { status: response.statusCode, body: response.json() };
}

export async function rejectedCsv(t: TestApp, token: string, id: string): Promise<{ status: number; body: string; type?: string }> {
  const response = await t.app.inject({ method: 'GET', url: `/imports/${id}/rejected.csv`, headers: { authorization: `Bearer ${token}` } });
  return { status: response.statusCode, body: response.body, type: response.headers['content-type'] as string | undefined };
}

export const IMPORT_FIELDS = `id kind status fileName fileSha256 delimiter duplicateMode failureReason createdBy { email }
  dryRun { mapping { header column } unknownHeaders missingRequired rowsTotal rowsRejected counts { name value }
           firstErrors { line column reason } previouslyImported { id byEmail } }
  progress { phase rowsDone rowsPerSecond errorsSoFar cancelRequested }
  result { rowsTotal rowsRejected counts { name value } }`;

export function countsOf(list: { name: string; value: number }[]): Record<string, number> {
  return Object.fromEntries(list.map((c) => [c.name, c.value]));
}

export async function startImport(t: TestApp, token: string, id: string) {
  return t.gql(`mutation ($id: ID!) { startImport(id: $id) { ${IMPORT_FIELDS} } }`, { id }, token);
}

export async function getImport(t: TestApp, token: string, id: string) {
  return t.gql(`query ($id: ID!) { import(id: $id) { ${IMPORT_FIELDS} } }`, { id }, token);
}

/** Polls the import until it finishes (the worker runs it). */
export async function waitForImport(t: TestApp, token: string, id: string, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await getImport(t, token, id);
    if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(data?.import.status)) return data!.import;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${data?.import.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
