using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// Remembers what a valid bearer token says, so a client's next requests with the same token
/// skip unprotecting it again (base64, AES and HMAC through data protection, then deserialising
/// the ticket): a profile of the enroll path showed that work on every request (docs/performance.md,
/// "Enrollments"). Nothing about validity changes: the handler still refuses an expired ticket on every
/// request, deactivated accounts are still refused by <see cref="ActiveAccountClaimsTransformation"/>,
/// and only tokens that unprotected successfully are remembered, so garbage cannot fill the cache.
/// </summary>
/// <remarks>
/// An entry lives at most <see cref="HoldAtMost"/> (and never past its ticket's expiry), which also
/// bounds how long a revoked data protection key keeps working on a host. Each caller gets its own
/// copy of the ticket, so whatever a request does to its principal stays with that request.
/// </remarks>
internal sealed class CachedBearerTickets(ISecureDataFormat<AuthenticationTicket> inner, BearerTicketCache tickets, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan HoldAtMost = TimeSpan.FromMinutes(5);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (tickets.TryGetValue(protectedText, out AuthenticationTicket? known))
        {
            return known!.Clone();
        }

        var ticket = inner.Unprotect(protectedText);
        var left = ticket?.Properties.ExpiresUtc - clock.GetUtcNow();
        if (ticket is null || left is not { } validFor || validFor <= TimeSpan.Zero)
        {
            return ticket;
        }

        tickets.Set(protectedText, ticket, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = validFor < HoldAtMost ? validFor : HoldAtMost,
        });
        return ticket.Clone();
    }
}

/// <summary>The host's remembered tickets (a singleton, so the container disposes it), counted in tokens.</summary>
internal sealed class BearerTicketCache() : MemoryCache(new MemoryCacheOptions { SizeLimit = 20_000 });
