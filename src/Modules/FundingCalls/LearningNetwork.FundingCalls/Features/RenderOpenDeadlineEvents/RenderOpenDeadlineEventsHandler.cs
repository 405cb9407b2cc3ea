using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using LearningNetwork.FundingCalls.Contracts;
using LearningNetwork.FundingCalls.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.FundingCalls.Features.RenderOpenDeadlineEvents;

/// <summary>
/// Answers the calendar feed: one event at the deadline of each open call for this cluster type.
/// The UID is stable per call and SEQUENCE grows when the deadline moves, so calendars move the
/// event rather than add another.
/// </summary>
internal sealed class RenderOpenDeadlineEventsHandler(FundingCallsDbContext db, TimeProvider clock) : IRequestHandler<Contracts.RenderOpenDeadlineEvents, string>
{
    public static string Uid(Guid callId) => $"funding-call-{callId}@learningnetwork";

    public async Task<string> Handle(Contracts.RenderOpenDeadlineEvents request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.State == FundingCallState.Published && c.DeadlineAt > now && c.EligibleClusterTypes.Contains(request.ClusterType))
            .OrderBy(c => c.DeadlineAt).ToListAsync(cancellationToken);
        if (calls.Count == 0)
        {
            return "";
        }

        var calendar = new Calendar();
        foreach (var call in calls)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(call.Id),
                Sequence = call.Sequence,
                Summary = $"Deadline: {call.Title}",
                Description = call.Url is null ? call.Instrument : $"{call.Instrument}\n{call.Url}",
                DtStart = new CalDateTime(call.DeadlineAt.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(call.DeadlineAt.UtcDateTime.AddMinutes(30), "UTC"),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            });
        }

        // Only the events: the feed puts them inside its own calendar.
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        var start = text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal);
        var end = text.LastIndexOf("END:VEVENT", StringComparison.Ordinal) + "END:VEVENT\r\n".Length;
        return start < 0 ? "" : text[start..end];
    }
}
