namespace LearningNetwork.Host.Pages.Staff.Library;

/// <summary>The size of an upload the library pages accept; LearningNetworkApi streams the file on to the API as multipart.</summary>
internal static class GuidelineUpload
{
    /// <summary>The API's limit plus room for the form's other fields.</summary>
    public const long MaxRequestBytes = (50L * 1024 * 1024) + (1024 * 1024);
}
