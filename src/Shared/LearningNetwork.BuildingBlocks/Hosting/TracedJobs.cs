using System.Diagnostics;
using Hangfire.Server;
using LearningNetwork.BuildingBlocks.Telemetry;

namespace LearningNetwork.BuildingBlocks.Hosting;

/// <summary>
/// A span for each background job run (a reminder round, a follow-up, a change notice), current
/// while the job runs: its SQL and the emails it queues (whose sends then join its trace) are
/// part of it. A failed run is marked as an error.
/// </summary>
internal sealed class TracedJobs : IServerFilter
{
    private const string SpanItem = "LearningNetwork.Span";

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var activity = Tracing.Source.StartActivity($"job {job.Type.Name}.{job.Method.Name}", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("learningnetwork.job.id", context.BackgroundJob.Id);
            context.Items[SpanItem] = activity;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(SpanItem, out var item) && item is Activity activity)
        {
            if (context.Exception is { } failure && !context.ExceptionHandled)
            {
                activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            }

            activity.Stop();
        }
    }
}
