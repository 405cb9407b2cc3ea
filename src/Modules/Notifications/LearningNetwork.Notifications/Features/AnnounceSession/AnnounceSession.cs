using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.AnnounceSession;

/// <summary>Where a manager's cluster stands with its funding on the session's day.</summary>
internal enum AudienceFunding
{
    Funded,
    PostFunding,
}

/// <summary>Whom an announcement is for: every criterion given must hold (AND); none given means every active manager.</summary>
internal sealed record AnnouncementAudience
{
    /// <summary>The directory's cluster types: SpearheadCluster, InnovativeBusinessNetwork.</summary>
    public IReadOnlyList<string>? ClusterTypes { get; init; }

    public IReadOnlyList<Guid>? ClusterIds { get; init; }

    public AudienceFunding? FundingStatus { get; init; }

    public Guid? LearningNetworkId { get; init; }
}

/// <summary>
/// Staff tell managers that a session is open: SessionAnnounced to each active manager in the
/// audience who wants announcements, is not enrolled and was not told of this session before.
/// A dry run answers how many that would be and sends nothing.
/// </summary>
internal sealed record AnnounceSession : IRequest<AnnouncementQueued>
{
    [JsonIgnore]
    public Guid SessionId { get; init; }

    [JsonIgnore]
    public bool DryRun { get; init; }

    public AnnouncementAudience? Audience { get; init; }

    /// <summary>A few words from staff, plain text, shown in the email.</summary>
    public string? Note { get; init; }
}

internal sealed record AnnouncementQueued(int Recipients, bool DryRun);

internal sealed class AnnounceSessionValidator : AbstractValidator<AnnounceSession>
{
    /// <summary>The directory's cluster types, as it names them.</summary>
    private static readonly string[] ClusterTypes = ["SpearheadCluster", "InnovativeBusinessNetwork"];

    public AnnounceSessionValidator()
    {
        RuleFor(x => x.Note).MaximumLength(2000);
        RuleForEach(x => x.Audience!.ClusterTypes).Must(t => ClusterTypes.Contains(t))
            .WithMessage($"A cluster type is {string.Join(" or ", ClusterTypes)}.")
            .When(x => x.Audience?.ClusterTypes is not null);
        RuleFor(x => x.Audience!.ClusterIds).Must(ids => ids!.Count <= 2000).WithMessage("At most 2000 clusters.")
            .When(x => x.Audience?.ClusterIds is not null);
    }
}

internal sealed class AnnounceSessionHandler(
    NotificationsDbContext db, SessionMail mail, NewEmails newEmails, IMediator mediator, IDataProtectionProvider protection, TimeProvider clock)
    : IRequestHandler<AnnounceSession, AnnouncementQueued>
{
    public static string SourceKey(Guid sessionId, Guid clusterManagerId) => $"announce:{sessionId}:{clusterManagerId}";

    public async Task<AnnouncementQueued> Handle(AnnounceSession request, CancellationToken cancellationToken)
    {
        var session = (await mediator.Send(new GetSessions([request.SessionId]), cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("Session", request.SessionId);
        if (session.State != SessionState.Published || session.Session.StartsAt <= clock.GetUtcNow())
        {
            throw new ConflictException("Only a published session that has not started can be announced.");
        }

        var audience = await AudienceAsync(session.Session, request.Audience ?? new AnnouncementAudience(), cancellationToken);
        // Not those enrolled or waiting, and not those told of this session before (one look at the send log).
        var enrolled = (await mediator.Send(new GetSessionEnrollees(request.SessionId), cancellationToken))
            .Where(e => e.Status != EnrollmentStatus.Cancelled).Select(e => e.ClusterManagerId).ToHashSet();
        var told = (await db.Emails.AsNoTracking().Where(e => e.SessionId == request.SessionId && e.Kind == EmailKind.SessionAnnounced)
            .Select(e => e.SourceKey).ToListAsync(cancellationToken)).ToHashSet();
        var recipients = audience.Where(m => !enrolled.Contains(m.ClusterManagerId) && !told.Contains(SourceKey(request.SessionId, m.ClusterManagerId))).ToList();
        if (request.DryRun)
        {
            return new AnnouncementQueued(recipients.Count, DryRun: true);
        }

        var secrets = protection.CreateProtector(EmailSecrets.ProtectionPurpose);
        var note = new Dictionary<string, string> { ["note"] = request.Note?.Trim() ?? "" };
        var emails = new List<Email>(recipients.Count);
        foreach (var manager in recipients)
        {
            var unsubscribe = UnsubscribeValue.For(secrets, protection, manager.ClusterManagerId);
            emails.Add(await mail.BuildAsync(EmailKind.SessionAnnounced, SourceKey(request.SessionId, manager.ClusterManagerId), session.Session, manager,
                note, icsMethod: null, protectedValues: unsubscribe));
        }

        // One insert for all; the unique source key makes each manager's announcement once, whichever host queues it.
        var queued = await SendLog.AddManyOnceAsync(db, emails, cancellationToken);
        newEmails.Queued();
        return new AnnouncementQueued(queued, DryRun: false);
    }

    /// <summary>Active managers who want announcements and match every criterion given; the funding status is the one on the session's day.</summary>
    private async Task<IReadOnlyList<ClusterManagerSummary>> AudienceAsync(SessionSnapshot session, AnnouncementAudience audience, CancellationToken cancellationToken)
    {
        HashSet<Guid>? members = null;
        if (audience.LearningNetworkId is { } networkId)
        {
            members = (await mediator.Send(new GetNetworkMembers(networkId), cancellationToken))?.ToHashSet()
                ?? throw new InvalidFieldException("audience.learningNetworkId", "There is no learning network with this id.");
        }

        var types = audience.ClusterTypes is { Count: > 0 } t ? t.ToHashSet() : null;
        var clusterIds = audience.ClusterIds is { Count: > 0 } ids ? ids.ToHashSet() : null;
        var funding = audience.FundingStatus switch
        {
            AudienceFunding.Funded => FundingStatus.Funded,
            AudienceFunding.PostFunding => FundingStatus.PostFunding,
            _ => (FundingStatus?)null,
        };
        var clusters = types is null && funding is null
            ? new Dictionary<Guid, ClusterSummary>()
            : (await mediator.Send(new GetAllClusters(), cancellationToken)).ToDictionary(c => c.ClusterId);
        var day = DateOnly.FromDateTime(session.StartLocal);
        bool Matches(ClusterManagerSummary m)
        {
            clusters.TryGetValue(m.ClusterId, out var cluster);
            return (types is null || (cluster is not null && types.Contains(cluster.Type)))
                && (clusterIds is null || clusterIds.Contains(m.ClusterId))
                && (funding is null || (cluster is not null && cluster.StatusOn(day) == funding))
                && (members is null || members.Contains(m.ClusterManagerId));
        }

        return (await mediator.Send(new GetActiveClusterManagers(), cancellationToken))
            .Where(m => m.IsActive && m.Announcements && Matches(m))
            .ToList();
    }
}
