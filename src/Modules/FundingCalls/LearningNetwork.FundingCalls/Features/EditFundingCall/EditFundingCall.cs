using System.Text.Json.Serialization;
using LearningNetwork.FundingCalls.Features.Shared;
using LearningNetwork.FundingCalls.Persistence;
using MediatR;

namespace LearningNetwork.FundingCalls.Features.EditFundingCall;

/// <summary>Staff change a call. Moving a published call's deadline (or its reminders) plans the reminders still ahead again.</summary>
internal sealed record EditFundingCall : CallBody, IRequest<CallResponse>
{
    [JsonIgnore]
    public Guid Id { get; init; }
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
