using FluentValidation;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.UnsubscribeFromAnnouncements;

/// <summary>
/// The one-click unsubscribe of an announcement (RFC 8058): the token from the email's
/// List-Unsubscribe link is the proof, no sign-in. It turns that manager's announcements off.
/// </summary>
internal sealed record UnsubscribeFromAnnouncements(string? Token) : IRequest<UnsubscribedResponse>;

internal sealed record UnsubscribedResponse(bool Announcements);

internal sealed class UnsubscribeFromAnnouncementsValidator : AbstractValidator<UnsubscribeFromAnnouncements>
{
    public UnsubscribeFromAnnouncementsValidator(IDataProtectionProvider protection) =>
        RuleFor(x => x.Token)
            .Must(token => UnsubscribeTokens.TryReadAnnouncements(protection, token, out _))
            .WithMessage("This unsubscribe link is not valid.");
}

internal sealed class UnsubscribeFromAnnouncementsHandler(ClusterManagersDbContext db, IDataProtectionProvider protection, TimeProvider clock)
    : IRequestHandler<UnsubscribeFromAnnouncements, UnsubscribedResponse>
{
    public async Task<UnsubscribedResponse> Handle(UnsubscribeFromAnnouncements request, CancellationToken cancellationToken)
    {
        UnsubscribeTokens.TryReadAnnouncements(protection, request.Token, out var id);
        // A manager removed since has nothing left to stop: the answer is the same.
        if (await db.Managers.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } manager)
        {
            manager.StopAnnouncements(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return new UnsubscribedResponse(Announcements: false);
    }
}
