using System.Security.Cryptography;
using System.Text;
using LearningNetwork.Accounts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Accounts.Infrastructure;

/// <summary>
/// A failed sign-in for an address that has no account is logged by a keyed hash of the address,
/// never the address: the same address gives the same hash (a pattern of attempts shows), but
/// nobody without the key, which lives in the database and not in the log, can test a guess.
/// </summary>
internal sealed class AuditHashKey(IServiceProvider services)
{
    private byte[]? _key;

    public async Task<string> HashAsync(string email, CancellationToken cancellationToken)
    {
        if (_key is null)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            _key = await db.Database.SqlQuery<byte[]>($"SELECT key AS \"Value\" FROM accounts.audit_hash_key").SingleAsync(cancellationToken);
        }

        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant()));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
