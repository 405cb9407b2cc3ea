namespace LearningNetwork.GuidelineDocuments.Storage;

/// <summary>
/// Where file contents live. PostgreSQL by default; a deployment can swap in S3-compatible
/// storage by implementing these three calls. Both directions stream: memory use does not grow
/// with file size.
/// </summary>
internal interface IFileStore
{
    /// <summary>Stores the stream; returns its id, length and SHA-256 (hex, lower case).</summary>
    Task<(Guid BlobId, long Length, string Sha256)> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>A seekable read stream of a stored blob (seekable so HTTP Range requests can be served).</summary>
    Task<Stream> OpenReadAsync(Guid blobId, CancellationToken cancellationToken);

    Task DeleteAsync(Guid blobId, CancellationToken cancellationToken);
}
