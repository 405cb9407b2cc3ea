using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.ChangePassword;
using LearningNetwork.Accounts.Features.ChangeStaffRoles;
using LearningNetwork.Accounts.Features.DeactivateStaff;
using LearningNetwork.Accounts.Features.ForgotPassword;
using LearningNetwork.Accounts.Features.GetMe;
using LearningNetwork.Accounts.Features.InviteStaff;
using LearningNetwork.Accounts.Features.ListAuditEntries;
using LearningNetwork.Accounts.Features.ListStaff;
using LearningNetwork.Accounts.Features.Login;
using LearningNetwork.Accounts.Features.SetPasswordWithLink;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.Accounts.Infrastructure;
using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Accounts;

/// <summary>Identity, sign-in (bearer token for the API, cookie for the UI), roles and the bootstrap staff account.</summary>
public static class AccountsModule
{
    /// <summary>Chooses per request: a bearer token when one is sent, else the UI's cookie.</summary>
    private const string TokenOrCookieScheme = "TokenOrCookie";

    /// <summary>When the cookie's session began (round-trip format), kept through sliding renewals.</summary>
    private const string SignedInAtItem = "ln-signed-in-at";

    public static IServiceCollection AddAccountsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<AccountsDbContext>(configuration, AccountsDbContext.SchemaName);
        services.AddMediatorHandlersFrom(typeof(AccountsModule).Assembly);

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("LearningNetwork")
            .PersistKeysToDbContext<AccountsDbContext>();
        // With a certificate, new keys are stored encrypted with it, so the database (and its
        // backups) alone no longer lets anyone forge sign-ins; every host needs the same
        // certificate. Keys written before stay readable, as they were stored.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        var singleSignOn = SingleSignOnSettings.From(configuration);
        services.AddSingleton(singleSignOn);
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = TokenOrCookieScheme;
                options.DefaultChallengeScheme = TokenOrCookieScheme;
            })
            .AddPolicyScheme(TokenOrCookieScheme, "Bearer token or cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
                options.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Auth:TokenLifetimeMinutes", 60)))
            .AddIdentityCookies();
        services.AddAuthentication().AddSingleSignOn(singleSignOn);
        // After the scheme's own configuration has set the data protection format it wraps.
        services.AddSingleton<BearerTicketCache>();
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure<BearerTicketCache, TimeProvider>((options, cache, clock) => options.BearerTokenProtector = new CachedBearerTickets(options.BearerTokenProtector, cache, clock));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "LearningNetwork.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.LoginPath = "/login";
            options.AccessDeniedPath = "/access-denied";
            var absoluteLifetime = TimeSpan.FromHours(configuration.GetValue("Auth:CookieAbsoluteHours", 12));
            options.Events = new CookieAuthenticationEvents
            {
                // API callers get status codes, not redirects to a login page.
                OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden),
                // Sliding renewal alone would keep a cookie that is used every few hours alive for
                // ever; the time of sign-in travels in the cookie and bounds it, however busy.
                OnSigningIn = context =>
                {
                    context.Properties.Items.TryAdd(SignedInAtItem, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                    return Task.CompletedTask;
                },
                OnValidatePrincipal = async context =>
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var at)
                        || !DateTimeOffset.TryParseExact(at, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var signedInAt)
                        || now - signedInAt >= absoluteLifetime)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    }
                },
            };
        });

        services.AddIdentityCore<UserAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = configuration.GetValue("Auth:PasswordMinLength", 10);
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                // No account lockout: anyone could keep a person out with it. Failures are
                // throttled per email and client address instead (SignInThrottle).
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager<AccountSignInManager>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            // An endpoint or page that names no policy needs a signed-in caller: being open to
            // everyone is said explicitly (AllowAnonymous), never the result of a forgotten line.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Staff))
            .AddPolicy(Policies.ClusterManager, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.ClusterManager));

        services.Configure<RateLimiterOptions>(options => AccountsRateLimits.Configure(options, configuration));
        services.AddScoped<IStartupTask, StaffBootstrapper>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<InvitedAccounts>();
        services.AddScoped<SignInThrottle>();
        services.AddMemoryCache();
        services.AddSingleton<ActiveAccounts>();
        services.AddSingleton<AuditHashKey>();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, ActiveAccountClaimsTransformation>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Accounts");
        LoginEndpoint.Map(api);
        GetMeEndpoint.Map(api);
        ChangePasswordEndpoint.Map(api);
        SetPasswordWithLinkEndpoint.Map(api);
        ForgotPasswordEndpoint.Map(api);
        InviteStaffEndpoint.Map(api);
        ListStaffEndpoint.Map(api);
        DeactivateStaffEndpoint.Map(api);
        ChangeStaffRolesEndpoint.Map(api);
        ListAuditEntriesEndpoint.Map(api);
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hangfire") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
