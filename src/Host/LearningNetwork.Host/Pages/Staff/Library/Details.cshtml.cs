using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Library;

[RequestSizeLimit(GuidelineUpload.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = GuidelineUpload.MaxRequestBytes)]
public sealed class GuidelineDetailsModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? ChangeNote { get; set; }

    public GuidelineView? Guideline { get; private set; }

    public IReadOnlyList<DownloadEntry> Downloads { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ManagerNames { get; private set; } = new Dictionary<Guid, string>();

    private string Here => $"/staff/guidelines/{Id}";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var result = await Api.PublishGuidelineAsync(Id);
        return result.Ok ? Done(T["The latest version is published."], Here) : Refused(result.Problem!, Here);
    }

    public async Task<IActionResult> OnPostVersionAsync(IFormFile? file)
    {
        ModelState.Clear();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", T["Choose a file."]);
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await Api.UploadGuidelineVersionAsync(Id, new FileUpload(stream, file.FileName, file.ContentType), string.IsNullOrWhiteSpace(ChangeNote) ? null : ChangeNote);
            if (result.Ok)
            {
                return Done(T.Format("Version {0} is uploaded. Publish it when it is ready.", result.Result.Number), Here);
            }

            ShowProblem(result.Problem!, string.Empty);
        }

        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var guideline = await Api.GetGuidelineAsync(Id, allVersions: true);
        if (!guideline.Ok)
        {
            return NotFoundOr(guideline.Problem!);
        }

        Guideline = guideline.Result;
        Downloads = (await Api.GetGuidelineDownloadsAsync(Id)).Value ?? [];
        ManagerNames = await NamesOfAsync(Downloads.Where(d => d.ClusterManagerId is not null).Select(d => d.ClusterManagerId!.Value).ToHashSet());
        return null;
    }

    /// <summary>
    /// The names of the managers in the log. The directory is read a page (200) at a time until
    /// every one is named: an agency has well over one page of managers (about 1,500).
    /// </summary>
    private async Task<Dictionary<Guid, string>> NamesOfAsync(HashSet<Guid> wanted)
    {
        const int pageSize = 200;
        var names = new Dictionary<Guid, string>();
        for (var page = 1; names.Count < wanted.Count; page++)
        {
            var managers = (await Api.GetManagersAsync(new ManagerQuery(Page: page, PageSize: pageSize))).Value;
            foreach (var m in managers?.Items.Where(m => wanted.Contains(m.Id)) ?? [])
            {
                names[m.Id] = $"{m.FullName} ({m.ClusterName})";
            }

            if (managers is null || page * pageSize >= managers.Total)
            {
                break;
            }
        }

        return names;
    }
}
