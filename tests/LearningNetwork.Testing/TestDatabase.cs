using Npgsql;

namespace LearningNetwork.Testing;

/// <summary>
/// A fresh, empty database on the PostgreSQL that ./test.sh started (LN_TEST_PG), dropped again
/// when the fixture ends. One per fixture, so test classes run in parallel without sharing rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;

    private TestDatabase(string name, string connectionString, string server)
    {
        Name = name;
        ConnectionString = connectionString;
        _server = server;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("LN_TEST_PG")
        ?? throw new InvalidOperationException("LN_TEST_PG is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    /// <param name="server">Another PostgreSQL server than the test run's (fault tests restart their own).</param>
    public static async Task<TestDatabase> CreateAsync(string? server = null)
    {
        server ??= ServerConnectionString;
        var name = $"ln_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 60 };
        return new TestDatabase(name, builder.ConnectionString, server);
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.AddWithValue(parameterName, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
