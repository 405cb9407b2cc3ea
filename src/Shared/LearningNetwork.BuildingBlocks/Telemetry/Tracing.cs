using System.Diagnostics;

namespace LearningNetwork.BuildingBlocks.Telemetry;

/// <summary>
/// The product's own spans (MediatR requests, outbox messages, email sends) and the trace context
/// that work done later carries with it. Work that leaves the request (an outbox row, a send-log
/// row) stores the W3C <c>traceparent</c> of the span that caused it; whoever does that work later,
/// on any host, starts its span as a child of it, so the request's trace reaches the email it led
/// to (docs/decisions/0029-opentelemetry-with-the-trace-carried-in-the-rows.md).
/// </summary>
public static class Tracing
{
    public const string SourceName = "LearningNetwork";

    /// <summary>The longest W3C traceparent: version, trace id, span id and flags.</summary>
    public const int TraceParentLength = 55;

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The traceparent of the span now running, to store beside work done later; null outside a trace.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { Length: <= TraceParentLength } id } ? id : null;

    /// <summary>
    /// Starts a span for work that a stored traceparent caused: its child, in the same trace, and
    /// linked to it as well (a backend that shows links but not remote parents still finds the
    /// cause). Without a stored context (a row written before tracing, or outside any trace) the
    /// span starts a trace of its own. Null when nobody listens.
    /// </summary>
    public static Activity? StartCausedBy(string name, string? traceParent, ActivityKind kind = ActivityKind.Consumer)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        if (traceParent is not null && ActivityContext.TryParse(traceParent, traceState: null, isRemote: true, out var cause))
        {
            return Source.StartActivity(name, kind, cause, links: [new ActivityLink(cause)]);
        }

        // The callers are background loops, with nothing current: a trace of its own.
        return Source.StartActivity(name, kind);
    }
}
