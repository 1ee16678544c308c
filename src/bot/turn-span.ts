import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { inSpan } from '../infrastructure/telemetry/in-span';


function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * What a turn is, for telemetry: `message`, `conversationUpdate`, `invoke adaptiveCard/action
 * approval.approve`... and its ids (tenant, conversation kind, the user's Entra object id). Never
 * what anyone typed, nor names.
 */
export function turnTelemetry(activity: Record<string, unknown>): { name: string; attributes: Record<string, string> } {
  const type = text(activity['type']) ?? 'unknown';
  const invoke = type === 'invoke' ? text(activity['name']) : undefined;
  const verb = text(field(field(activity['value'], 'action'), 'verb')) ?? text(field(activity['value'], 'verb'));
  const tenantId = text(field(field(activity['channelData'], 'tenant'), 'id')) ?? text(field(activity['conversation'], 'tenantId'));
  const attributes: Record<string, string> = {
    'bot.activity.type': type,
    ...(invoke ? { 'bot.invoke.name': invoke } : {}),
    ...(verb ? { 'bot.card.verb': verb } : {}),
    ...(tenantId ? { 'bot.tenant.id': tenantId } : {}),
    ...(text(field(activity['conversation'], 'conversationType')) ? { 'bot.conversation.type': String(field(activity['conversation'], 'conversationType')) } : {}),
    ...(text(field(activity['from'], 'aadObjectId')) ? { 'enduser.id': String(field(activity['from'], 'aadObjectId')) } : {}),
  };
  return { name: [type, invoke, verb].filter((part) => part !== undefined).join(' '), attributes };
}

/**
 * Runs one incoming activity (a turn) as a request in telemetry (an OpenTelemetry SERVER span),
 * active while the turn runs so the Graph and Exchange calls it makes are its dependencies.
 * `handle` returns the HTTP status the turn was answered with.
 */
export async function inTurnSpan(activity: Record<string, unknown>, handle: () => Promise<number>): Promise<void> {
  const { name, attributes } = turnTelemetry(activity);
  await inSpan(name, { kind: SpanKind.SERVER, attributes: { 'http.request.method': 'POST', ...attributes } }, async (span) => {
    const status = await handle();
    span.setAttribute('http.response.status_code', status);
    span.setStatus({ code: status >= 500 ? SpanStatusCode.ERROR : SpanStatusCode.OK });
  });
}

/** Labels the turn under way with its correlation id (the reference users are shown), if telemetry records it. */
export function markTurn(correlationId: string): void {
  trace.getActiveSpan()?.setAttribute('bot.correlation_id', correlationId);
}
