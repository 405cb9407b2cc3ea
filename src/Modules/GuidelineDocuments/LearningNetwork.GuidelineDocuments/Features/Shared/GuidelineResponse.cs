using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Domain;

namespace LearningNetwork.GuidelineDocuments.Features.Shared;

internal sealed record VersionResponse(int Number, string FileName, string ContentType, long SizeBytes, string Sha256, DateTime UploadedAt, DateTime? PublishedAt, string? ChangeNote)
{
    public static VersionResponse From(GuidelineVersion v) =>
        new(v.Number, v.FileName, v.ContentType, v.SizeBytes, v.Sha256, v.UploadedAt.UtcDateTime, v.PublishedAt?.UtcDateTime, v.ChangeNote);
}

internal sealed record GuidelineResponse(Guid Id, string Title, string Category, string Language, string? Summary, GuidelineStatus Status, IReadOnlyList<VersionResponse> Versions)
{
    public static GuidelineResponse From(Guideline g, IEnumerable<GuidelineVersion> versions) =>
        new(g.Id, g.Title, g.Category, g.Language, g.Summary, g.Status, versions.OrderByDescending(v => v.Number).Select(VersionResponse.From).ToList());

    /// <summary>Staff see every version; others the latest published one, or all published ones when asked.</summary>
    public static IEnumerable<GuidelineVersion> Visible(Guideline g, ICurrentUser user, bool allVersions)
    {
        if (user.IsStaff)
        {
            return g.Versions;
        }

        return allVersions ? g.Versions.Where(v => v.PublishedAt is not null) : g.LatestPublished is { } latest ? [latest] : [];
    }
}
