namespace LearningNetwork.Host.Pages.Staff.Networks;

/// <summary>What staff fill in for a learning network, on the list page (new) and the network's page (edit).</summary>
public sealed class NetworkForm
{
    public static readonly IReadOnlyList<string> Memberships = ["MembersOnly", "Open"];

    public string? Name { get; set; }

    public string? Theme { get; set; }

    public string? Description { get; set; }

    public string Membership { get; set; } = "MembersOnly";

    public Guid? FacilitatorStaffId { get; set; }

    public static NetworkForm From(NetworkView network) => new()
    {
        Name = network.Name,
        Theme = network.Theme,
        Description = network.Description,
        Membership = network.Membership.ToString(),
        FacilitatorStaffId = network.FacilitatorStaffId,
    };

    public NetworkRequest ToRequest() => new(
        Name ?? string.Empty, Theme ?? string.Empty, string.IsNullOrWhiteSpace(Description) ? null : Description, Membership, FacilitatorStaffId);
}

/// <summary>What the shared network fields partial needs: the values and the staff who may facilitate.</summary>
public sealed record NetworkFieldsView(NetworkForm Form, IReadOnlyList<StaffMemberView> Staff);
