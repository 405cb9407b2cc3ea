using System.Security.Claims;
using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff;

/// <summary>The agency's staff: invite a colleague, see who activated, shut out someone who left.</summary>
public sealed class TeamModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
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
        var result = await Api.InviteStaffAsync(Form.Email ?? string.Empty, Form.FullName ?? string.Empty, Form.PreferredLanguage);
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
        var result = await Api.DeactivateStaffAsync(id);
        return result.Ok ? Done(T["The account is deactivated: it can no longer sign in."], "/staff/team") : Refused(result.Problem!, "/staff/team");
    }

    public async Task<IActionResult> OnPostRolesAsync(Guid id, bool admin)
    {
        var result = await Api.SetStaffRolesAsync(id, [admin ? "Admin" : "Staff"]);
        return result.Ok ? Done(admin ? T["The colleague is now an Admin."] : T["The colleague is no longer an Admin."], "/staff/team") : Refused(result.Problem!, "/staff/team");
    }

    private async Task LoadAsync() => Members = (await Api.GetStaffAsync()).Value ?? [];

    public sealed class InviteForm
    {
        public string? Email { get; set; }

        public string? FullName { get; set; }

        public string PreferredLanguage { get; set; } = "nl";
    }
}
