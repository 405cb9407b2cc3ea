using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.RecordAuditEntry;

/// <summary>
/// Appends to the audit log with one INSERT on the context's connection: inside the caller's
/// transaction when there is one, and never saving the caller's other pending changes.
/// </summary>
internal sealed class RecordAuditEntryHandler(AccountsDbContext db, IHttpContextAccessor accessor, TimeProvider clock) : IRequestHandler<Contracts.RecordAuditEntry, Unit>
{
    private const int SummaryLength = 500;

    public async Task<Unit> Handle(Contracts.RecordAuditEntry request, CancellationToken cancellationToken)
    {
        var address = request.ClientAddress ?? (accessor.HttpContext is { } context ? ClientAddress.Of(context) : null);
        var summary = request.Summary.Length > SummaryLength ? request.Summary[..SummaryLength] : request.Summary;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO accounts.audit_log (at, actor_id, action, entity_type, entity_id, summary, client_address)
            VALUES ({clock.GetUtcNow()}, {request.ActorId}, {request.Action}, {request.EntityType}, {request.EntityId}, {summary}, {address})
            """, cancellationToken);
        return Unit.Value;
    }
}
