using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.ListNotifications;

/// <summary>The send log for staff: every email and where it stands, newest first.</summary>
internal sealed record ListNotifications(Guid? SessionId, string? Recipient, string? Kind, string? Status, int? Page, int? PageSize)
    : IRequest<PagedResult<NotificationResponse>>;

internal sealed record NotificationResponse(
    Guid Id, EmailKind Kind, string Recipient, Guid? SessionId, DateTime DueAt, DateTime? SentAt, string Status, int Attempts, string? LastError)
{
    // Sending is an internal step: to a reader it is still pending.
    public static NotificationResponse From(Email e) => new(
        e.Id, e.Kind, e.Recipient, e.SessionId, e.DueAt.UtcDateTime, e.SentAt?.UtcDateTime,
        (e.Status == EmailStatus.Sending ? EmailStatus.Pending : e.Status).ToString(), e.Attempts, e.LastError);
}

internal sealed class ListNotificationsValidator : AbstractValidator<ListNotifications>
{
    private static readonly string[] Statuses = ["Pending", "Sent", "Failed", "Skipped"];

    public ListNotificationsValidator()
    {
        RuleFor(x => x.Kind).Must(k => k is null || Enum.GetNames<EmailKind>().Contains(k, StringComparer.OrdinalIgnoreCase))
            .WithMessage($"Kind is one of {string.Join(", ", Enum.GetNames<EmailKind>())}.");
        RuleFor(x => x.Status).Must(s => s is null || Statuses.Contains(s, StringComparer.OrdinalIgnoreCase))
            .WithMessage("Status is Pending, Sent, Failed or Skipped.");
        RuleFor(x => x.Recipient).MaximumLength(320);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class ListNotificationsHandler(NotificationsDbContext db) : IRequestHandler<ListNotifications, PagedResult<NotificationResponse>>
{
    public async Task<PagedResult<NotificationResponse>> Handle(ListNotifications request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var query = db.Emails.AsNoTracking();
        if (request.SessionId is { } sessionId)
        {
            query = query.Where(e => e.SessionId == sessionId);
        }

        if (!string.IsNullOrWhiteSpace(request.Recipient))
        {
            var recipient = request.Recipient.Trim().ToLowerInvariant();
            // Translated to SQL lower(), run by PostgreSQL, not by .NET: no culture involved.
#pragma warning disable CA1304, CA1311, CA1862 // string.Equals with a StringComparison has no SQL translation
            query = query.Where(e => e.Recipient.ToLower() == recipient);
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (request.Kind is not null)
        {
            var kind = Enum.Parse<EmailKind>(request.Kind, ignoreCase: true);
            query = query.Where(e => e.Kind == kind);
        }

        if (request.Status is not null)
        {
            // Sending is an internal step: to a reader it is still pending.
            var status = Enum.Parse<EmailStatus>(request.Status, ignoreCase: true);
            query = status == EmailStatus.Pending
                ? query.Where(e => e.Status == EmailStatus.Pending || e.Status == EmailStatus.Sending)
                : query.Where(e => e.Status == status);
        }

        // The log grows with every email ever sent: count only as far as 20 pages ahead, so the first
        // page costs the same after years of use; a reader pages on, or filters.
        var limit = paging.CountLimit(pagesAhead: 20);
        var counted = await query.Take(limit).CountAsync(cancellationToken);
        var page = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<NotificationResponse>(page.Select(NotificationResponse.From).ToList(), Math.Min(counted, limit - 1))
        {
            TotalIsLowerBound = counted == limit,
        };
    }
}
