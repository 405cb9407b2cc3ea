using System.Diagnostics;
using LearningNetwork.BuildingBlocks.Telemetry;
using MediatR;

namespace LearningNetwork.BuildingBlocks.Mediation;

/// <summary>
/// A span per MediatR request, named after the request, so a trace shows which use case ran and
/// which modules it asked (each cross-module request is a span of its own, with its SQL inside).
/// Costs one check when nobody listens.
/// </summary>
internal sealed class TracingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string SpanName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = Tracing.Source.StartActivity(SpanName, ActivityKind.Internal);
        if (activity is null)
        {
            return await next();
        }

        activity.SetTag("mediatr.request", typeof(TRequest).FullName);
        try
        {
            return await next();
        }
        catch (Exception ex)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
