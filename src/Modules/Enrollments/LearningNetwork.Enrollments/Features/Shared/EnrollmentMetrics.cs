using System.Diagnostics.Metrics;
using LearningNetwork.BuildingBlocks.Telemetry;
using LearningNetwork.Enrollments.Contracts;

namespace LearningNetwork.Enrollments.Features.Shared;

/// <summary>
/// Enrollments made by this instance, by the status they got (Confirmed or Waitlisted), counted
/// once committed. A counter per instance: Prometheus sums the instances.
/// </summary>
internal sealed class EnrollmentMetrics
{
    private readonly Counter<long> _enrollments;

    public EnrollmentMetrics(IMeterFactory meters) =>
        _enrollments = meters.Create(Metering.MeterPrefix + "Enrollments").CreateCounter<long>(
            "learningnetwork.enrollments", unit: "{enrollment}", description: "Enrollments made, by the status they got (Confirmed, Waitlisted).");

    public void Made(EnrollmentStatus status, int count = 1)
    {
        if (count > 0)
        {
            _enrollments.Add(count, new KeyValuePair<string, object?>("status", status.ToString()));
        }
    }
}
