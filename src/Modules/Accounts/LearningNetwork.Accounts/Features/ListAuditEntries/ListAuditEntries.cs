using FluentValidation;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.ListAuditEntries;

/// <summary>The audit log for Admins, newest first, filtered by who, what, which entity and when.</summary>
internal sealed record ListAuditEntries(Guid? ActorId, string? Action, Guid? EntityId, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize)
    : IRequest<PagedResult<AuditEntryResponse>>;

/// <param name="ActorEmail">Looked up when read: empty when the account no longer exists (erased).</param>
internal sealed record AuditEntryResponse(DateTime At, Guid? ActorId, string ActorEmail, string Action, string? EntityType, Guid? EntityId, string Summary, string? ClientAddress);

internal sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(x => x.Action).MaximumLength(100);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("'to' is not before 'from'.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class ListAuditEntriesHandler(AccountsDbContext db) : IRequestHandler<ListAuditEntries, PagedResult<AuditEntryResponse>>
{
    public async Task<PagedResult<AuditEntryResponse>> Handle(ListAuditEntries request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var query = db.AuditEntries.AsNoTracking();
        if (request.ActorId is { } actorId)
        {
            query = query.Where(e => e.ActorId == actorId);
        }

        if (!string.IsNullOrWhiteSpace(request.Action))
        {
            var action = request.Action.Trim();
            query = query.Where(e => e.Action == action);
        }

        if (request.EntityId is { } entityId)
        {
            query = query.Where(e => e.EntityId == entityId);
        }

        if (request.From is { } from)
        {
            query = query.Where(e => e.At >= from.ToUniversalTime());
        }

        if (request.To is { } to)
        {
            query = query.Where(e => e.At < to.ToUniversalTime());
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(e => e.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new { Entry = e, ActorEmail = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.Email).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryResponse>(
            page.Select(r => new AuditEntryResponse(r.Entry.At.UtcDateTime, r.Entry.ActorId, r.ActorEmail ?? "", r.Entry.Action, r.Entry.EntityType, r.Entry.EntityId, r.Entry.Summary, r.Entry.ClientAddress)).ToList(),
            total);
    }
}
