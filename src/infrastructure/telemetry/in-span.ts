import { type Span, type SpanOptions, SpanStatusCode, context, trace } from '@opentelemetry/api';

/**
 * Runs `work` as an OpenTelemetry span of the bot (active while it runs, so what it calls is its
 * child) and ends it. `work` sets the outcome's attributes; a thrown error marks the span failed
 * with the error's name only (a message can carry a URL with its query) and is rethrown. Without a
 * telemetry SDK registered the span is a no-op. The tracer is asked for at each span, so spans go
 * to the provider registered when telemetry started.
 */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  const span = trace.getTracer('group-gatekeeper').startSpan(name, options);
  try {
    return await context.with(trace.setSpan(context.active(), span), () => work(span));
  } catch (error) {
    span.setAttribute('error.type', error instanceof Error ? error.name : 'Error');
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
