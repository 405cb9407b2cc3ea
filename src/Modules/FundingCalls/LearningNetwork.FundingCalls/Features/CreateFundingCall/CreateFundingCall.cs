using LearningNetwork.FundingCalls.Domain;
using LearningNetwork.FundingCalls.Features.Shared;
using LearningNetwork.FundingCalls.Persistence;
using MediatR;

namespace LearningNetwork.FundingCalls.Features.CreateFundingCall;

/// <summary>Staff describe a funding call: who may apply, when it opens, the deadline, the guidelines that explain it.</summary>
internal sealed record CreateFundingCall : IRequest<CallResponse>, ICallFields
{
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

internal sealed class CreateFundingCallValidator : CallFieldsValidator<CreateFundingCall>;

internal sealed class CreateFundingCallHandler(FundingCallsDbContext db, CallViews views, TimeProvider clock) : IRequestHandler<CreateFundingCall, CallResponse>
{
    public async Task<CallResponse> Handle(CreateFundingCall request, CancellationToken cancellationToken)
    {
        await views.EnsureGuidelinesExistAsync(request.GuidelineIds, cancellationToken);
        var call = FundingCall.Create(request.ToDetails(), clock.GetUtcNow());
        db.Calls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(call, cancellationToken);
    }
}
