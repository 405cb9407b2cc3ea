using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Library;

[RequestSizeLimit(GuidelineUpload.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = GuidelineUpload.MaxRequestBytes)]
public sealed class StaffGuidelinesModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string Language { get; set; } = "nl";

    [BindProperty]
    public string? Summary { get; set; }

    public IReadOnlyList<GuidelineView> Guidelines { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        ModelState.Clear();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", T["Choose a file."]);
            await LoadAsync();
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var result = await Api.UploadGuidelineAsync(new FileUpload(stream, file.FileName, file.ContentType), Title ?? string.Empty, Category ?? string.Empty, Language, Summary);
        if (result.Ok)
        {
            return Done(T["The guideline is uploaded as a draft. Publish it to show it to cluster managers."], $"/staff/guidelines/{result.Result.Id}");
        }

        ShowProblem(result.Problem!, string.Empty);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Guidelines = (await Api.GetGuidelinesAsync(Search)).Value?.Items ?? [];
}
