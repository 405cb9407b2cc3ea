namespace LearningNetwork.GuidelineDocuments.Features.Shared;

/// <summary>Configuration section "Guidelines".</summary>
internal sealed class GuidelineOptions
{
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
}
