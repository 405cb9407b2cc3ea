using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace LearningNetwork.Enrollments.Features.Shared;

internal sealed record CalendarFeedResponse(string Url);

/// <summary>
/// A manager's secret feed address: the token is stored hashed (to find the feed) and protected
/// (to show the address again), so the database alone does not give the address away.
/// </summary>
internal sealed class CalendarFeedAddresses(EnrollmentsDbContext db, ICurrentUser user, IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("LearningNetwork.CalendarFeeds.v1");

    public Guid CallerManagerId() => user.ClusterManagerId ?? throw new ForbiddenException("Calendar feeds are for cluster managers.");

    /// <summary>A new token for the manager's feed; any earlier one stops working.</summary>
    public async Task<CalendarFeedResponse> IssueAsync(Guid managerId, CancellationToken cancellationToken)
    {
        var token = SecretTokens.New();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.ClusterManagerId == managerId, cancellationToken);
        if (feed is null)
        {
            feed = new Domain.CalendarFeed { ClusterManagerId = managerId };
            db.CalendarFeeds.Add(feed);
        }

        feed.TokenHash = SecretTokens.Hash(token);
        feed.ProtectedToken = _protector.Protect(token);
        feed.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Response(token);
    }

    public CalendarFeedResponse Existing(Domain.CalendarFeed feed) => Response(_protector.Unprotect(feed.ProtectedToken));

    private CalendarFeedResponse Response(string token) =>
        new($"{(configuration["App:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/')}/calendar/{token}.ics");
}
