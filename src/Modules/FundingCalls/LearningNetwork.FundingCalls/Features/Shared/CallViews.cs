using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.FundingCalls.Contracts;
using LearningNetwork.FundingCalls.Domain;
using LearningNetwork.FundingCalls.Persistence;
using LearningNetwork.GuidelineDocuments.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.FundingCalls.Features.Shared;

/// <summary>Who sees which call, and responses with their guidelines' titles (managers see only published guidelines).</summary>
internal sealed class CallViews(FundingCallsDbContext db, IMediator mediator, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Staff see every call; a manager sees published (and closed) calls their cluster's type is eligible for; others are a 404.</summary>
    public async Task<FundingCall> VisibleAsync(Guid id, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Funding call", id);
        if (!user.IsStaff && (call.State != FundingCallState.Published || !await EligibleAsync(call, cancellationToken)))
        {
            throw new NotFoundException("Funding call", id);
        }

        return call;
    }

    private async Task<bool> EligibleAsync(FundingCall call, CancellationToken cancellationToken)
    {
        var type = await ManagerClusterTypeAsync(cancellationToken);
        return Array.IndexOf(call.EligibleClusterTypes, type) >= 0;
    }

    public async Task<FundingCall> ForChangeAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Funding call", id);

    /// <summary>The signed-in manager's cluster type ("" when unknown: then nothing is eligible).</summary>
    public async Task<string> ManagerClusterTypeAsync(CancellationToken cancellationToken)
    {
        if (user.ClusterManagerId is not { } me)
        {
            return "";
        }

        var manager = (await mediator.Send(new GetClusterManagers([me]), cancellationToken)).SingleOrDefault();
        return manager is null ? ""
            : (await mediator.Send(new GetClusterSummaries([manager.ClusterId]), cancellationToken)).SingleOrDefault()?.Type ?? "";
    }

    public async Task<CallResponse> OneAsync(FundingCall call, CancellationToken cancellationToken) => (await ManyAsync([call], cancellationToken))[0];

    public async Task<IReadOnlyList<CallResponse>> ManyAsync(IReadOnlyList<FundingCall> calls, CancellationToken cancellationToken)
    {
        var ids = calls.SelectMany(c => c.GuidelineIds).Distinct().ToList();
        var guidelines = ids.Count == 0 ? new Dictionary<Guid, GuidelineSummary>()
            : (await mediator.Send(new GetGuidelineSummaries(ids), cancellationToken)).Where(g => user.IsStaff || g.IsPublished).ToDictionary(g => g.GuidelineId);
        var now = clock.GetUtcNow();
        return calls.Select(c => CallResponse.From(
            c, c.GuidelineIds.Where(guidelines.ContainsKey).Select(g => new GuidelineLink(g, guidelines[g].Title)).ToList(), now)).ToList();
    }

    /// <summary>Staff may link only guidelines that exist.</summary>
    public async Task EnsureGuidelinesExistAsync(IReadOnlyList<Guid>? ids, CancellationToken cancellationToken)
    {
        if (ids is not { Count: > 0 })
        {
            return;
        }

        var found = (await mediator.Send(new GetGuidelineSummaries(ids), cancellationToken)).Select(g => g.GuidelineId).ToHashSet();
        var missing = ids.Where(id => !found.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidFieldException("guidelineIds", $"There is no guideline with id {string.Join(", ", missing)}.");
        }
    }
}
