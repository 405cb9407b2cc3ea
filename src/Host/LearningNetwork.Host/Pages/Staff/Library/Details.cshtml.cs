using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Library;

[RequestSizeLimit(GuidelineUpload.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = GuidelineUpload.MaxRequestBytes)]
public sealed class GuidelineDetailsModel(Api api, UiText text) : UiPage(api, text)
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
        var result = await Api.PostAsync($"/api/guidelines/{Id}/publish");
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
            using var content = GuidelineUpload.Content(file, ("changeNote", string.IsNullOrWhiteSpace(ChangeNote) ? null : ChangeNote));
            var result = await Api.SendAsync<GuidelineVersionView>(HttpMethod.Post, $"/api/guidelines/{Id}/versions", content);
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
        var guideline = await Api.GetAsync<GuidelineView>($"/api/guidelines/{Id}?allVersions=true");
        if (!guideline.Ok)
        {
            return NotFoundOr(guideline.Problem!);
        }

        Guideline = guideline.Result;
        Downloads = (await Api.GetAsync<List<DownloadEntry>>($"/api/guidelines/{Id}/downloads")).Value ?? [];
        if (Downloads.Any(d => d.ClusterManagerId is not null))
        {
            var managers = await Api.GetAsync<Paged<ManagerView>>("/api/cluster-managers?pageSize=200");
            ManagerNames = (managers.Value?.Items ?? []).ToDictionary(m => m.Id, m => $"{m.FullName} ({m.ClusterName})");
        }

        return null;
    }
}
