using LearningNetwork.FundingCalls.Contracts;
using LearningNetwork.FundingCalls.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.FundingCalls.Features.GetFundingCall;

/// <summary>Answers other modules (deadline reminders): a call as it is now.</summary>
internal sealed class GetFundingCallHandler(FundingCallsDbContext db) : IRequestHandler<Contracts.GetFundingCall, FundingCallInfo?>
{
    public async Task<FundingCallInfo?> Handle(Contracts.GetFundingCall request, CancellationToken cancellationToken) =>
        (await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.FundingCallId, cancellationToken))?.ToInfo();
}
