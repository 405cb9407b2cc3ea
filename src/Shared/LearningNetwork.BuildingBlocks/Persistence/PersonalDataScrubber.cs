using System.Text;
using System.Text.Json;
using Npgsql;

namespace LearningNetwork.BuildingBlocks.Persistence;

/// <summary>
/// The copies of a person's data that the infrastructure keeps rather than a module's own tables:
/// the event payloads in every module's outbox (pending, processed or parked) and the arguments,
/// parameters and states of background jobs. An erasure replaces every occurrence of the
/// person's email, name and phone there with "erased", case-insensitively, keeping the rest of
/// each payload (and its JSON) intact.
/// </summary>
public sealed class PersonalDataScrubber(IEnumerable<ModuleDatabase> modules, NpgsqlDataSource dataSource)
{
    public const string Replacement = "erased";

    public async Task<int> ScrubAsync(IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var pattern = Pattern(values);
        var changed = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var schema in modules.Select(m => m.Schema).Distinct(StringComparer.Ordinal))
        {
            changed += await ExecuteAsync(connection, $"""
                UPDATE "{schema}".outbox_messages SET payload = regexp_replace(payload::text, @pattern, '{Replacement}', 'gi')::jsonb,
                    last_error = regexp_replace(last_error, @pattern, '{Replacement}', 'gi')
                WHERE payload::text ~* @pattern OR last_error ~* @pattern
                """, pattern, cancellationToken);
        }

        if (await TableExistsAsync(connection, "hangfire.job", cancellationToken))
        {
            changed += await ExecuteAsync(connection, $"""
                UPDATE hangfire.job SET arguments = regexp_replace(arguments::text, @pattern, '{Replacement}', 'gi')::jsonb,
                    invocationdata = regexp_replace(invocationdata::text, @pattern, '{Replacement}', 'gi')::jsonb
                WHERE arguments::text ~* @pattern OR invocationdata::text ~* @pattern
                """, pattern, cancellationToken);
            changed += await ExecuteAsync(connection, $"""
                UPDATE hangfire.state SET data = regexp_replace(data::text, @pattern, '{Replacement}', 'gi')::jsonb,
                    reason = regexp_replace(reason, @pattern, '{Replacement}', 'gi')
                WHERE data::text ~* @pattern OR reason ~* @pattern
                """, pattern, cancellationToken);
            changed += await ExecuteAsync(connection, $"""
                UPDATE hangfire.jobparameter SET value = regexp_replace(value, @pattern, '{Replacement}', 'gi') WHERE value ~* @pattern
                """, pattern, cancellationToken);
        }

        return changed;
    }

    /// <summary>
    /// One PostgreSQL regular expression matching any of the values, as typed and as JSON writes
    /// them (a quote or backslash escaped), with every metacharacter taken literally.
    /// </summary>
    public static string Pattern(IEnumerable<string> values)
    {
        var forms = values.SelectMany(v => new[] { v, JsonSerializer.Serialize(v)[1..^1] }).Distinct(StringComparer.Ordinal);
        return string.Join("|", forms.OrderByDescending(f => f.Length).Select(Literal));
    }

    private static string Literal(string value)
    {
        var literal = new StringBuilder(value.Length * 2);
        foreach (var c in value)
        {
            if (@"\.^$*+?()[]{}|-/".Contains(c, StringComparison.Ordinal))
            {
                literal.Append('\\');
            }

            literal.Append(c);
        }

        return literal.ToString();
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, string pattern, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("pattern", pattern);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
