using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Accounts.Features.SignInWithUsedLink;

/// <summary>
/// Finds whose link was just used and signs them in with the password they chose, through the
/// same <see cref="Login.Login"/> as the sign-in page: the password is checked again, so the link
/// alone signs nobody in.
/// </summary>
internal sealed class SignInWithUsedLinkHandler(AccountsDbContext db, TimeProvider clock, IMediator mediator) : IRequestHandler<Contracts.SignInWithUsedLink, string?>
{
    /// <summary>Long enough for the page's own round trip, short enough that an old link's copy is worthless.</summary>
    internal static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public async Task<string?> Handle(Contracts.SignInWithUsedLink request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Token) || string.IsNullOrEmpty(request.Password))
        {
            return null;
        }

        var hash = AccountToken.Hash(request.Token);
        var since = clock.GetUtcNow() - Window;
        var person = await (from t in db.AccountTokens.AsNoTracking()
                            join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                            where t.TokenHash == hash && t.UsedAt != null && t.UsedAt > since
                            select new { u.Email, u.PreferredLanguage }).FirstOrDefaultAsync(cancellationToken);
        return person?.Email is { } email
            && await mediator.Send(new Login.Login(email, request.Password) { Scheme = IdentityConstants.ApplicationScheme }, cancellationToken) == Contracts.PasswordSignInOutcome.SignedIn
            ? person.PreferredLanguage
            : null;
    }
}
