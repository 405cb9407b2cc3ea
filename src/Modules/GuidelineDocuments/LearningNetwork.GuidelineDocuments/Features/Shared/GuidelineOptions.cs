namespace LearningNetwork.GuidelineDocuments.Features.Shared;

/// <summary>Configuration section "Guidelines".</summary>
internal sealed class GuidelineOptions
{
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Days a download stays in the download log (it says who read what, so it is personal data);
    /// 0 keeps them. Past it, a reader of an older version is no longer told of a new one.
    /// </summary>
    public int DownloadLogRetainDays { get; set; } = 365;
}
