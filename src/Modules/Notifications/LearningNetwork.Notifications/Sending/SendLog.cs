using System.Collections.Concurrent;
using System.Globalization;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LearningNetwork.Notifications.Sending;

/// <summary>
/// Adds emails to the send log so that the same cause never yields two rows: events may come
/// twice (the outbox delivers at least once), and two hosts may run the same reminder round.
/// </summary>
/// <remarks>
/// One statement, however many emails: <c>INSERT ... SELECT FROM unnest(...) ON CONFLICT
/// (source_key) DO NOTHING</c>, one array parameter per column. The unique source key decides,
/// with no query first, so a first delivery is one insert and a repeat one insert that adds
/// nothing. The statement is built once from the EF model (table, columns, their types and value
/// converters), so the mapping lives in one place, the DbContext's model.
/// </remarks>
internal static class SendLog
{
    private static readonly ConcurrentDictionary<IModel, InsertPlan> Plans = new();

    /// <summary>One email, unless its cause already has one (an event handled again adds nothing).</summary>
    public static Task AddOnceAsync(NotificationsDbContext db, Email email, CancellationToken cancellationToken) =>
        AddManyOnceAsync(db, [email], cancellationToken);

    /// <summary>
    /// Many at once (a reminder round, an announcement to every manager), skipping those whose
    /// cause already has one. Answers how many it added.
    /// </summary>
    public static async Task<int> AddManyOnceAsync(NotificationsDbContext db, IReadOnlyList<Email> emails, CancellationToken cancellationToken)
    {
        if (emails.Count == 0)
        {
            return 0;
        }

        var plan = Plans.GetOrAdd(db.Model, _ => InsertPlan.For(db));
        return await db.Database.ExecuteSqlRawAsync(plan.Sql, plan.Parameters(emails), cancellationToken);
    }

    private sealed record InsertPlan(string Sql, IReadOnlyList<IProperty> Properties)
    {
        public static InsertPlan For(DbContext db)
        {
            var entityType = db.Model.FindEntityType(typeof(Email))!;
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);

            var properties = entityType.GetProperties().ToList();
            var key = entityType.FindProperty(nameof(Email.SourceKey))!;
            return new InsertPlan(
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(Column))}) " +
                $"SELECT * FROM unnest({string.Join(", ", properties.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"@p{i}::{p.GetColumnType()}[]")))}) " +
                $"ON CONFLICT ({Column(key)}) DO NOTHING",
                properties);
        }

        /// <summary>One array per column, of the values as the provider stores them (the property's converter applied).</summary>
        public object[] Parameters(IReadOnlyList<Email> emails) =>
        [
            .. Properties.Select((property, i) =>
            {
                var converter = property.GetTypeMapping().Converter;
                var values = Array.CreateInstance(converter?.ProviderClrType ?? property.ClrType, emails.Count);
                var getter = property.GetGetter();
                for (var row = 0; row < emails.Count; row++)
                {
                    var value = getter.GetClrValue(emails[row]);
                    values.SetValue(value switch
                    {
                        null => null,
                        // timestamptz takes UTC only.
                        DateTimeOffset time => time.ToUniversalTime(),
                        _ => converter is null ? value : converter.ConvertToProvider(value),
                    }, row);
                }

                return new NpgsqlParameter(string.Create(CultureInfo.InvariantCulture, $"p{i}"), values);
            }),
        ];
    }
}
