using System.Globalization;
using LearningNetwork.FundingCalls.Domain;

namespace LearningNetwork.FundingCalls.Features.Shared;

public sealed record GuidelineLink(Guid Id, string Title);

/// <summary>A call as every endpoint returns it; status is Closed for a published call past its deadline.</summary>
internal sealed record CallResponse(
    Guid Id, string Title, string Instrument, string? Description, IReadOnlyList<string> EligibleClusterTypes, string OpensOn, string Deadline,
    string TimeZone, DateTime DeadlineAt, string? Url, IReadOnlyList<GuidelineLink> Guidelines, IReadOnlyList<ReminderDays> Reminders, string Status)
{
    public static CallResponse From(FundingCall c, IReadOnlyList<GuidelineLink> guidelines, DateTimeOffset now) => new(
        c.Id, c.Title, c.Instrument, c.Description, c.EligibleClusterTypes,
        c.OpensOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.DeadlineLocal.ToString(DeadlineTime.LocalFormat, CultureInfo.InvariantCulture),
        c.TimeZone, c.DeadlineAt.UtcDateTime, c.Url, guidelines, c.ReminderDaysBefore.Select(d => new ReminderDays(d)).ToList(),
        c.IsClosed(now) ? "Closed" : c.State.ToString());
}
