using System.Text.Json.Serialization;
using LearningNetwork.FundingCalls.Features.Shared;
using LearningNetwork.FundingCalls.Persistence;
using MediatR;

namespace LearningNetwork.FundingCalls.Features.EditFundingCall;

/// <summary>Staff change a call. Moving a published call's deadline (or its reminders) plans the reminders still ahead again.</summary>
internal sealed record EditFundingCall : IRequest<CallResponse>, ICallFields
{
    [JsonIgnore]
    public Guid Id { get; init; }

    public string? Title { get; init; }

    public string? Instrument { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? EligibleClusterTypes { get; init; }

    public string? OpensOn { get; init; }

    public string? Deadline { get; init; }

    public string? TimeZone { get; init; }

    public string? Url { get; init; }

    public IReadOnlyList<Guid>? GuidelineIds { get; init; }

    public IReadOnlyList<ReminderDays>? Reminders { get; init; }
}

internal sealed class EditFundingCallValidator : CallFieldsValidator<EditFundingCall>;

internal sealed class EditFundingCallHandler(FundingCallsDbContext db, CallViews views, TimeProvider clock) : IRequestHandler<EditFundingCall, CallResponse>
{
    public async Task<CallResponse> Handle(EditFundingCall request, CancellationToken cancellationToken)
    {
        await views.EnsureGuidelinesExistAsync(request.GuidelineIds, cancellationToken);
        var call = await views.ForChangeAsync(request.Id, cancellationToken);
        call.Edit(request.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(call, cancellationToken);
    }
}
