using LearningNetwork.FundingCalls.Domain;
using LearningNetwork.FundingCalls.Features.Shared;
using LearningNetwork.FundingCalls.Persistence;
using MediatR;

namespace LearningNetwork.FundingCalls.Features.CreateFundingCall;

/// <summary>Staff describe a funding call: who may apply, when it opens, the deadline, the guidelines that explain it.</summary>
internal sealed record CreateFundingCall : CallBody, IRequest<CallResponse>;

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
