using System.Security.Claims;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>Identity's sign-in, plus one rule of ours: a deactivated account cannot sign in.</summary>
internal sealed class AccountSignInManager(
    UserManager<UserAccount> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<UserAccount> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<UserAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserAccount> confirmation)
    : SignInManager<UserAccount>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(UserAccount user) =>
        user.IsActive && await base.CanSignInAsync(user);
}

/// <summary>Puts what every request needs into the cookie or token: roles, cluster manager id, language.</summary>
internal sealed class AccountClaimsFactory(
    UserManager<UserAccount> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LearningNetworkClaims.PreferredLanguage, user.PreferredLanguage));
        if (user.ClusterManagerId is { } managerId)
        {
            identity.AddClaim(new Claim(LearningNetworkClaims.ClusterManagerId, managerId.ToString()));
        }

        return identity;
    }
}
