using LearningNetwork.FundingCalls.Features.Shared;
using LearningNetwork.FundingCalls.Persistence;
using MediatR;

namespace LearningNetwork.FundingCalls.Features.WithdrawFundingCall;

/// <summary>A call is called off: managers stop seeing it, its planned reminders find it withdrawn and send nothing.</summary>
internal sealed record WithdrawFundingCall(Guid Id) : IRequest<CallResponse>;

internal sealed class WithdrawFundingCallHandler(FundingCallsDbContext db, CallViews views, TimeProvider clock) : IRequestHandler<WithdrawFundingCall, CallResponse>
{
    public async Task<CallResponse> Handle(WithdrawFundingCall request, CancellationToken cancellationToken)
    {
        var call = await views.ForChangeAsync(request.Id, cancellationToken);
        call.Withdraw(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(call, cancellationToken);
    }
}
