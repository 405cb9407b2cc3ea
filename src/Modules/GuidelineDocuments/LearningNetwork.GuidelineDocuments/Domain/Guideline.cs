using System.Globalization;
using System.Text;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.GuidelineDocuments.Contracts;

namespace LearningNetwork.GuidelineDocuments.Domain;

internal enum GuidelineStatus
{
    Draft,
    Published,
}

/// <summary>
/// A funding guideline and its versions. Managers see it once published, and then its latest
/// published version; a new version stays a draft until staff publish it.
/// </summary>
internal sealed class Guideline : AggregateRoot
{
    private readonly List<GuidelineVersion> _versions = [];

    private Guideline()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Category { get; private set; } = "";

    public string Language { get; private set; } = "nl";

    public string? Summary { get; private set; }

    /// <summary>Title and summary lower-cased without accents: what full-text search looks in.</summary>
    public string SearchText { get; private set; } = "";

    public GuidelineStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<GuidelineVersion> Versions => _versions;

    public GuidelineVersion? LatestPublished => _versions.Where(v => v.PublishedAt is not null).MaxBy(v => v.Number);

    public GuidelineVersion Latest => _versions.MaxBy(v => v.Number)!;

    public static Guideline Create(string title, string category, string language, string? summary, StoredFile file, DateTimeOffset now)
    {
        var guideline = new Guideline
        {
            Id = Guid.CreateVersion7(now),
            Title = title.Trim(),
            Category = category.Trim(),
            Language = language,
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(),
            Status = GuidelineStatus.Draft,
            CreatedAt = now,
        };
        guideline.SearchText = Fold($"{guideline.Title} {guideline.Summary}");
        guideline._versions.Add(GuidelineVersion.Create(guideline.Id, 1, file, null, now));
        return guideline;
    }

    public GuidelineVersion AddVersion(StoredFile file, string? changeNote, DateTimeOffset now)
    {
        var version = GuidelineVersion.Create(Id, Latest.Number + 1, file, changeNote, now);
        _versions.Add(version);
        return version;
    }

    /// <summary>Publishes the latest version. Managers who downloaded an earlier one are told by the caller's event.</summary>
    public GuidelineVersion Publish(IReadOnlyList<Guid> earlierDownloaders, DateTimeOffset now)
    {
        var latest = Latest;
        if (latest.PublishedAt is not null)
        {
            throw new ConflictException($"Version {latest.Number} is already published; upload a new version first.");
        }

        var wasPublished = Status == GuidelineStatus.Published;
        latest.PublishedAt = now;
        Status = GuidelineStatus.Published;
        if (wasPublished && earlierDownloaders.Count > 0)
        {
            Raise(new GuidelineUpdated(Id, Title, latest.Number, latest.ChangeNote, earlierDownloaders));
        }

        return latest;
    }

    /// <summary>"Subsidieregels Éénmalig" -> "subsidieregels eenmalig".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(char.ToLowerInvariant(c));
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}

internal sealed class GuidelineVersion
{
    private GuidelineVersion()
    {
    }

    public Guid GuidelineId { get; private set; }

    public int Number { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; } = "";

    public Guid BlobId { get; private set; }

    public string? ChangeNote { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public static GuidelineVersion Create(Guid guidelineId, int number, StoredFile file, string? changeNote, DateTimeOffset now) => new()
    {
        GuidelineId = guidelineId,
        Number = number,
        FileName = file.FileName,
        ContentType = file.ContentType,
        SizeBytes = file.SizeBytes,
        Sha256 = file.Sha256,
        BlobId = file.BlobId,
        ChangeNote = string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim(),
        UploadedAt = now,
    };
}

/// <summary>A file as stored: where (blob id), what (recognised type), how big, its SHA-256.</summary>
internal sealed record StoredFile(Guid BlobId, string FileName, string ContentType, long SizeBytes, string Sha256);

/// <summary>Who downloaded which version when.</summary>
internal sealed class Download
{
    public Guid Id { get; set; }

    public Guid GuidelineId { get; set; }

    public int Version { get; set; }

    public Guid UserId { get; set; }

    public Guid? ClusterManagerId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class SessionMaterial
{
    public Guid SessionId { get; set; }

    public Guid GuidelineId { get; set; }

    public int Position { get; set; }
}
