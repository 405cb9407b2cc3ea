using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Directory;

/// <summary>CSV import in two steps: a dry run shows what would happen, the confirmation sends the same file for real.</summary>
public sealed class ImportModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    private const long MaxCsvBytes = 5 * 1024 * 1024;

    [BindProperty]
    public string? Csv { get; set; }

    public ImportResultView? Preview { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(nameof(Csv), T["Choose a CSV file."]);
            return Page();
        }

        if (file.Length > MaxCsvBytes)
        {
            ModelState.AddModelError(nameof(Csv), T["The file is larger than 5 MB."]);
            return Page();
        }

        // The file's bytes as they are: the API knows UTF-8 from Windows-1252 (Excel's "CSV"); reading
        // them here as UTF-8 would turn "Hélène" into "H\uFFFDl\uFFFDne" before the API could tell.
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes, HttpContext.RequestAborted);
        Csv = Convert.ToBase64String(bytes.ToArray());
        return await SendAsync(dryRun: true);
    }

    public Task<IActionResult> OnPostRunAsync() => SendAsync(dryRun: false);

    private async Task<IActionResult> SendAsync(bool dryRun)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Csv ?? string.Empty);
        }
        catch (FormatException)
        {
            ModelState.AddModelError(nameof(Csv), T["Choose a CSV file."]);
            return Page();
        }

        var result = await Api.ImportManagersAsync(bytes, dryRun);
        if (!result.Ok)
        {
            ShowProblem(result.Problem!, string.Empty);
            return Page();
        }

        if (!dryRun && result.Result.Errors.Count == 0)
        {
            return Done(T.Format("{0} managers added and {1} updated; invitations are on their way.", result.Result.Created, result.Result.Updated), "/staff/managers");
        }

        Preview = result.Result;
        return Page();
    }
}
