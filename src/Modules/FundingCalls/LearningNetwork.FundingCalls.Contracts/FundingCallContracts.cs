using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;

namespace LearningNetwork.FundingCalls.Contracts;

/// <summary>Where a call stands. A published call whose deadline passed reads as Closed in the API.</summary>
public enum FundingCallState
{
    Draft,
    Published,
    Withdrawn,
}

/// <summary>What other modules need of a funding call: who may apply, the deadline, its reminders, its guidelines.</summary>
/// <param name="Sequence">iCalendar SEQUENCE of its deadline event: grows each time the deadline moves.</param>
public sealed record FundingCallInfo(
    Guid FundingCallId,
    string Title,
    string Instrument,
    IReadOnlyList<string> EligibleClusterTypes,
    DateTime DeadlineLocal,
    string TimeZone,
    DateTimeOffset DeadlineAt,
    string? Url,
    IReadOnlyList<Guid> GuidelineIds,
    IReadOnlyList<int> ReminderDaysBefore,
    FundingCallState State,
    int Sequence);

/// <summary>A call was published: its deadline reminders are planned.</summary>
public sealed record FundingCallPublished(FundingCallInfo Call) : IntegrationEvent;

/// <summary>A published call's deadline or reminders changed: the reminders still ahead are planned again.</summary>
public sealed record FundingCallRescheduled(FundingCallInfo Call) : IntegrationEvent;

/// <summary>Ask for a call, whatever its state; null when there is none.</summary>
public sealed record GetFundingCall(Guid FundingCallId) : IRequest<FundingCallInfo?>;

/// <summary>
/// The deadlines of the published calls still open for this cluster type, as iCalendar VEVENT
/// blocks (one stable UID per call) to put in a manager's calendar feed.
/// </summary>
public sealed record RenderOpenDeadlineEvents(string ClusterType) : IRequest<string>;
