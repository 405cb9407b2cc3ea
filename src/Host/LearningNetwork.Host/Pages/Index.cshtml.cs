using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningNetwork.Host.Pages;

/// <summary>The front door: everyone lands on their own start page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole("Staff") ? Redirect("/staff")
        : User.IsInRole("ClusterManager") ? Redirect("/sessions")
        : Redirect("/login");
}
