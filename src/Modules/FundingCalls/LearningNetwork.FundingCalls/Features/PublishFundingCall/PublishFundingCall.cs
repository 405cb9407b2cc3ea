using LearningNetwork.FundingCalls.Features.Shared;
using LearningNetwork.FundingCalls.Persistence;
using MediatR;

namespace LearningNetwork.FundingCalls.Features.PublishFundingCall;

/// <summary>A draft call becomes visible to eligible managers; its reminders still ahead are planned (one already past is not sent).</summary>
internal sealed record PublishFundingCall(Guid Id) : IRequest<CallResponse>;

internal sealed class PublishFundingCallHandler(FundingCallsDbContext db, CallViews views, TimeProvider clock) : IRequestHandler<PublishFundingCall, CallResponse>
{
    public async Task<CallResponse> Handle(PublishFundingCall request, CancellationToken cancellationToken)
    {
        var call = await views.ForChangeAsync(request.Id, cancellationToken);
        call.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(call, cancellationToken);
    }
}
