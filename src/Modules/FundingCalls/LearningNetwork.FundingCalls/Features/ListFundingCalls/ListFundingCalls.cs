using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.FundingCalls.Contracts;
using LearningNetwork.FundingCalls.Features.Shared;
using LearningNetwork.FundingCalls.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.FundingCalls.Features.ListFundingCalls;

/// <summary>Calls by deadline, soonest first: staff see all; a manager the published ones (open or closed) for their cluster type.</summary>
internal sealed record ListFundingCalls(string? Status, int? Page, int? PageSize) : IRequest<PagedResult<CallResponse>>;

internal sealed class ListFundingCallsValidator : AbstractValidator<ListFundingCalls>
{
    public static readonly string[] Statuses = ["Draft", "Published", "Closed", "Withdrawn"];

    public ListFundingCallsValidator()
    {
        RuleFor(x => x.Status).Must(s => s is null || Statuses.Contains(s, StringComparer.OrdinalIgnoreCase)).WithMessage("Status is Draft, Published, Closed or Withdrawn.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class ListFundingCallsHandler(FundingCallsDbContext db, CallViews views, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ListFundingCalls, PagedResult<CallResponse>>
{
    public async Task<PagedResult<CallResponse>> Handle(ListFundingCalls request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var now = clock.GetUtcNow();
        var calls = db.Calls.AsNoTracking();
        if (!user.IsStaff)
        {
            var type = await views.ManagerClusterTypeAsync(cancellationToken);
            calls = calls.Where(c => c.State == FundingCallState.Published && c.EligibleClusterTypes.Contains(type));
        }

        calls = request.Status?.ToUpperInvariant() switch
        {
            "DRAFT" => calls.Where(c => c.State == FundingCallState.Draft),
            "PUBLISHED" => calls.Where(c => c.State == FundingCallState.Published && c.DeadlineAt > now),
            "CLOSED" => calls.Where(c => c.State == FundingCallState.Published && c.DeadlineAt <= now),
            "WITHDRAWN" => calls.Where(c => c.State == FundingCallState.Withdrawn),
            _ => calls,
        };
        var total = await calls.CountAsync(cancellationToken);
        var page = await calls.OrderBy(c => c.DeadlineAt).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<CallResponse>(await views.ManyAsync(page, cancellationToken), total);
    }
}
