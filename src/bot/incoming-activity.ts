/** What the HTTP endpoint accepts as a Bot Framework activity, checked before the adapter sees it. */
export type IncomingActivityCheck =
  | { readonly ok: true; readonly activity: Record<string, unknown> }
  | { readonly ok: false; readonly problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max;
}

/**
 * Checks the shape of a posted activity (a parsed JSON body), so that a malformed request is
 * answered 400 with the reason instead of failing inside the adapter.
 */
export function checkIncomingActivity(body: unknown): IncomingActivityCheck {
  if (!isRecord(body)) return { ok: false, problem: 'the body must be a JSON object (a Bot Framework activity)' };
  if (!nonEmptyString(body['type'], 64)) return { ok: false, problem: '"type" must be a non-empty string' };
  if (!nonEmptyString(body['channelId'], 64)) return { ok: false, problem: '"channelId" must be a non-empty string' };
  const serviceUrl = body['serviceUrl'];
  if (!nonEmptyString(serviceUrl, 2048)) return { ok: false, problem: '"serviceUrl" must be a URL' };
  let parsed: URL;
  try {
    parsed = new URL(serviceUrl);
  } catch {
    return { ok: false, problem: '"serviceUrl" must be a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, problem: '"serviceUrl" must be an http(s) URL' };
  const conversation = body['conversation'];
  if (!isRecord(conversation) || !nonEmptyString(conversation['id'], 1024)) return { ok: false, problem: '"conversation.id" must be a non-empty string' };
  const from = body['from'];
  if (from !== undefined && (!isRecord(from) || !nonEmptyString(from['id'], 1024))) return { ok: false, problem: '"from.id" must be a non-empty string' };
  const recipient = body['recipient'];
  if (recipient !== undefined && (!isRecord(recipient) || typeof recipient['id'] !== 'string')) return { ok: false, problem: '"recipient.id" must be a string' };
  if (body['text'] !== undefined && typeof body['text'] !== 'string') return { ok: false, problem: '"text" must be a string' };
  for (const list of ['entities', 'attachments', 'membersAdded', 'membersRemoved']) {
    if (body[list] !== undefined && !Array.isArray(body[list])) return { ok: false, problem: `"${list}" must be an array` };
  }
  if (body['id'] !== undefined && typeof body['id'] !== 'string') return { ok: false, problem: '"id" must be a string' };
  if (body['locale'] !== undefined && typeof body['locale'] !== 'string') return { ok: false, problem: '"locale" must be a string' };
  if (body['name'] !== undefined && typeof body['name'] !== 'string') return { ok: false, problem: '"name" must be a string' };
  return { ok: true, activity: body };
}
