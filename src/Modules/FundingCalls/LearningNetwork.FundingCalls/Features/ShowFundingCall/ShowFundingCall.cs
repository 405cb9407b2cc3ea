using LearningNetwork.FundingCalls.Features.Shared;
using MediatR;

namespace LearningNetwork.FundingCalls.Features.ShowFundingCall;

/// <summary>One call with the guidelines that explain it.</summary>
internal sealed record ShowFundingCall(Guid Id) : IRequest<CallResponse>;

internal sealed class ShowFundingCallHandler(CallViews views) : IRequestHandler<ShowFundingCall, CallResponse>
{
    public async Task<CallResponse> Handle(ShowFundingCall request, CancellationToken cancellationToken) =>
        await views.OneAsync(await views.VisibleAsync(request.Id, cancellationToken), cancellationToken);
}
