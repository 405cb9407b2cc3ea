using System.Security.Claims;
using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff;

/// <summary>The agency's staff: invite a colleague, see who activated, shut out someone who left.</summary>
public sealed class TeamModel(Api api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public InviteForm Form { get; set; } = new();

    public IReadOnlyList<StaffMemberView> Members { get; private set; } = [];

    /// <summary>The signed-in staff member (from the sign-in cookie): no button to deactivate oneself.</summary>
    public Guid? MyId => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Only an Admin sees the buttons that manage accounts and roles (the API refuses the others anyway).</summary>
    public bool IAmAdmin => User.IsInRole(LearningNetwork.BuildingBlocks.Security.Roles.Admin);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.PostAsync("/api/staff", new { email = Form.Email ?? string.Empty, fullName = Form.FullName ?? string.Empty, preferredLanguage = Form.PreferredLanguage });
        if (result.Ok)
        {
            return Done(T.Format("{0} is invited: the invitation email is on its way.", Form.Email ?? string.Empty), "/staff/team");
        }

        ShowProblem(result.Problem!);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id)
    {
        var result = await Api.PostAsync($"/api/staff/{id}/deactivate");
        return result.Ok ? Done(T["The account is deactivated: it can no longer sign in."], "/staff/team") : Refused(result.Problem!, "/staff/team");
    }

    public async Task<IActionResult> OnPostRolesAsync(Guid id, bool admin)
    {
        var result = await Api.PutAsync($"/api/staff/{id}/roles", new { roles = new[] { admin ? "Admin" : "Staff" } });
        return result.Ok ? Done(admin ? T["The colleague is now an Admin."] : T["The colleague is no longer an Admin."], "/staff/team") : Refused(result.Problem!, "/staff/team");
    }

    private async Task LoadAsync() => Members = (await Api.GetAsync<List<StaffMemberView>>("/api/staff")).Value ?? [];

    public sealed class InviteForm
    {
        public string? Email { get; set; }

        public string? FullName { get; set; }

        public string PreferredLanguage { get; set; } = "nl";
    }
}
