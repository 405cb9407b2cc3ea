using System.Security.Cryptography;
using Npgsql;

namespace LearningNetwork.GuidelineDocuments.Storage;

/// <summary>
/// Files in PostgreSQL as 1 MiB chunks (guideline_documents.blob_chunks). Writing reads the
/// upload a chunk at a time; reading fetches the chunk under the current position only.
/// </summary>
internal sealed class PostgresFileStore(NpgsqlDataSource dataSource) : IFileStore
{
    public const int ChunkSize = 1024 * 1024;

    public async Task<(Guid BlobId, long Length, string Sha256)> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var blobId = Guid.CreateVersion7();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long length = 0;
        var sequence = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        while (true)
        {
            var filled = await FillAsync(content, buffer, cancellationToken);
            if (filled == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, filled);
            await using var insert = new NpgsqlCommand("INSERT INTO guideline_documents.blob_chunks (blob_id, sequence, data) VALUES ($1, $2, $3)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = blobId });
            insert.Parameters.Add(new NpgsqlParameter { Value = sequence++ });
            insert.Parameters.Add(new NpgsqlParameter { Value = new ReadOnlyMemory<byte>(buffer, 0, filled) });
            await insert.ExecuteNonQueryAsync(cancellationToken);
            length += filled;
            if (filled < buffer.Length)
            {
                break;
            }
        }

        await using (var blob = new NpgsqlCommand("INSERT INTO guideline_documents.blobs (id, length, chunk_size) VALUES ($1, $2, $3)", connection, transaction))
        {
            blob.Parameters.Add(new NpgsqlParameter { Value = blobId });
            blob.Parameters.Add(new NpgsqlParameter { Value = length });
            blob.Parameters.Add(new NpgsqlParameter { Value = ChunkSize });
            await blob.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (blobId, length, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
    }

    public async Task<Stream> OpenReadAsync(Guid blobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT length, chunk_size FROM guideline_documents.blobs WHERE id = $1", connection) { Parameters = { new() { Value = blobId } } };
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new FileNotFoundException($"Blob {blobId} is missing.");
        }

        return new ChunkedBlobStream(dataSource, blobId, reader.GetInt64(0), reader.GetInt32(1));
    }

    public async Task DeleteAsync(Guid blobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM guideline_documents.blob_chunks WHERE blob_id = $1; DELETE FROM guideline_documents.blobs WHERE id = $1", connection)
            { Parameters = { new() { Value = blobId } } };
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}

/// <summary>
/// A read-only, seekable view of a chunked blob: only the current chunk is in memory, read into
/// one buffer that is reused for every chunk (no new 1 MiB array per chunk for the GC to collect).
/// </summary>
internal sealed class ChunkedBlobStream(NpgsqlDataSource dataSource, Guid blobId, long length, int chunkSize) : Stream
{
    private byte[]? _chunk;
    private int _chunkLength;
    private int _chunkIndex = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        var index = (int)(_position / chunkSize);
        if (index != _chunkIndex)
        {
            _chunkLength = await LoadChunkAsync(index, cancellationToken);
            _chunkIndex = index;
        }

        var within = (int)(_position % chunkSize);
        var count = Math.Min(buffer.Length, _chunkLength - within);
        _chunk.AsMemory(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async Task<int> LoadChunkAsync(int index, CancellationToken cancellationToken)
    {
        _chunk ??= new byte[chunkSize];
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT data FROM guideline_documents.blob_chunks WHERE blob_id = $1 AND sequence = $2", connection)
            { Parameters = { new() { Value = blobId }, new() { Value = index } } };
        await using var reader = await query.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new IOException($"Chunk {index} of blob {blobId} is missing.");
        }

        return (int)reader.GetBytes(0, 0, _chunk, 0, _chunk.Length);
    }
}
