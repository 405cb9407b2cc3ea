using System.Globalization;

namespace LearningNetwork.Host.Pages.Staff.FundingCalls;

/// <summary>What staff fill in for a funding call, on the list page (new) and the call's page (edit).</summary>
public sealed class CallForm
{
    public static readonly IReadOnlyList<string> ClusterTypes = ["SpearheadCluster", "InnovativeBusinessNetwork"];

    public string? Title { get; set; }

    public string? Instrument { get; set; }

    public string? Description { get; set; }

    public List<string> EligibleClusterTypes { get; set; } = [];

    public string? OpensOn { get; set; }

    public string? Deadline { get; set; }

    public string TimeZone { get; set; } = "Europe/Brussels";

    public string? Url { get; set; }

    public List<Guid> GuidelineIds { get; set; } = [];

    /// <summary>Days before the deadline, comma-separated; empty: 14 and 3.</summary>
    public string? Reminders { get; set; }

    public static CallForm From(FundingCallView call) => new()
    {
        Title = call.Title,
        Instrument = call.Instrument,
        Description = call.Description,
        EligibleClusterTypes = [.. call.EligibleClusterTypes],
        OpensOn = call.OpensOn,
        Deadline = call.Deadline,
        TimeZone = call.TimeZone,
        Url = call.Url,
        GuidelineIds = [.. call.Guidelines.Select(g => g.Id)],
        Reminders = string.Join(", ", call.Reminders.Select(r => r.DaysBefore)),
    };

    /// <summary>The request body; reminders that are not numbers go through as 0 so the API names the field.</summary>
    public FundingCallRequest ToRequest() => new(
        Title ?? string.Empty,
        Instrument ?? string.Empty,
        string.IsNullOrWhiteSpace(Description) ? null : Description,
        EligibleClusterTypes,
        OpensOn ?? string.Empty,
        Deadline ?? string.Empty,
        TimeZone,
        string.IsNullOrWhiteSpace(Url) ? null : Url,
        GuidelineIds,
        string.IsNullOrWhiteSpace(Reminders) ? null
            : Reminders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(d => new ReminderDaysView(int.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : 0)).ToList());
}

/// <summary>What the shared call fields partial needs: the values and the guidelines to link.</summary>
public sealed record CallFieldsView(CallForm Form, IReadOnlyList<GuidelineView> Guidelines);
