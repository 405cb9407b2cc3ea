using LearningNetwork.Accounts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// Slows password guessing without letting anyone lock a person out. An open-ended account
/// lockout (five failures, from anywhere, lock the account) hands every stranger a way to keep a
/// staff member out for as long as they like. Instead failures are counted per email address
/// <em>and</em> client address: after <c>Auth:MaxFailedAccessAttempts</c> failures within
/// <c>Auth:LockoutMinutes</c>, that client address may not try that email address again until the
/// window has passed, while the person, from their own address, signs in as usual. Guessing from
/// one address is also capped across accounts by the per-address rate limit. The counts live in
/// the database, so they hold across hosts; rows are keyed by an HMAC of the pair.
/// </summary>
internal sealed class SignInThrottle(AccountsDbContext db, AuditHashKey hashKey, TimeProvider clock, IConfiguration configuration)
{
    private readonly int _maxFailures = configuration.GetValue("Auth:MaxFailedAccessAttempts", 5);
    private readonly TimeSpan _window = TimeSpan.FromMinutes(configuration.GetValue("Auth:LockoutMinutes", 15));

    /// <summary>True when this client address has used up its failures for this email address.</summary>
    public async Task<bool> IsThrottledAsync(string email, string clientAddress, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(email, clientAddress, cancellationToken);
        var since = clock.GetUtcNow() - _window;
        return await db.SignInFailures.AsNoTracking().AnyAsync(f => f.Key == key && f.WindowStartedAt > since && f.Failures >= _maxFailures, cancellationToken);
    }

    /// <summary>Counts a failure; true when it used up the last one (the address is throttled from now on).</summary>
    public async Task<bool> RecordFailureAsync(string email, string clientAddress, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(email, clientAddress, cancellationToken);
        var now = clock.GetUtcNow();
        var expired = now - _window;
        // One statement: a new window when the last one has passed, else one more failure; and
        // windows long gone are cleared on the way.
        // ToList, not Single: a data-modifying WITH cannot be wrapped in the SELECT that Single composes.
        var failures = (await db.Database.SqlQuery<int>($"""
            WITH gone AS (DELETE FROM accounts.sign_in_failures WHERE window_started_at < {expired - _window})
            INSERT INTO accounts.sign_in_failures (key, window_started_at, failures) VALUES ({key}, {now}, 1)
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN sign_in_failures.window_started_at > {expired} THEN sign_in_failures.failures + 1 ELSE 1 END,
                window_started_at = CASE WHEN sign_in_failures.window_started_at > {expired} THEN sign_in_failures.window_started_at ELSE {now} END
            RETURNING failures AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        return failures == _maxFailures;
    }

    /// <summary>A success from this address starts its count anew.</summary>
    public async Task ClearAsync(string email, string clientAddress, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(email, clientAddress, cancellationToken);
        await db.SignInFailures.Where(f => f.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<string> KeyAsync(string email, string clientAddress, CancellationToken cancellationToken) =>
        await hashKey.HashAsync($"{email.Trim()}\n{clientAddress}", cancellationToken);
}
