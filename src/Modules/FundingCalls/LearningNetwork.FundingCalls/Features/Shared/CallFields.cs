using System.Globalization;
using FluentValidation;
using LearningNetwork.FundingCalls.Domain;

namespace LearningNetwork.FundingCalls.Features.Shared;

public sealed record ReminderDays(int? DaysBefore);

/// <summary>What staff fill in for a call, on create and on edit.</summary>
internal interface ICallFields
{
    string? Title { get; }

    string? Instrument { get; }

    string? Description { get; }

    IReadOnlyList<string>? EligibleClusterTypes { get; }

    string? OpensOn { get; }

    string? Deadline { get; }

    string? TimeZone { get; }

    string? Url { get; }

    IReadOnlyList<Guid>? GuidelineIds { get; }

    IReadOnlyList<ReminderDays>? Reminders { get; }
}

/// <summary>The body create and edit both take.</summary>
internal abstract record CallBody : ICallFields
{
    public string? Title { get; init; }

    public string? Instrument { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? EligibleClusterTypes { get; init; }

    public string? OpensOn { get; init; }

    public string? Deadline { get; init; }

    public string? TimeZone { get; init; }

    public string? Url { get; init; }

    public IReadOnlyList<Guid>? GuidelineIds { get; init; }

    public IReadOnlyList<ReminderDays>? Reminders { get; init; }
}

internal static class CallFields
{
    public static readonly IReadOnlyList<string> ClusterTypes = ["SpearheadCluster", "InnovativeBusinessNetwork"];

    public static readonly IReadOnlyList<int> DefaultReminderDays = [14, 3];

    public static CallDetails ToDetails(this ICallFields f) => new(
        f.Title!, f.Instrument!, f.Description, f.EligibleClusterTypes!,
        DateOnly.ParseExact(f.OpensOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DeadlineTime.ParseLocal(f.Deadline!),
        f.TimeZone!, f.Url, f.GuidelineIds ?? [],
        f.Reminders is null ? DefaultReminderDays : f.Reminders.Select(r => r.DaysBefore!.Value).ToList());
}

/// <summary>The field rules create and edit share.</summary>
internal abstract class CallFieldsValidator<T> : AbstractValidator<T>
    where T : ICallFields
{
    protected CallFieldsValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("The title is required.").MaximumLength(200);
        RuleFor(x => x.Instrument).NotEmpty().WithMessage("The instrument is required (the funding programme, e.g. 'Cluster project').").MaximumLength(200);
        RuleFor(x => x.Description).MaximumLength(4000);
        RuleFor(x => x.EligibleClusterTypes).NotEmpty().WithMessage("Name at least one eligible cluster type: SpearheadCluster or InnovativeBusinessNetwork.")
            .Must(types => types is null || types.All(t => CallFields.ClusterTypes.Contains(t))).WithMessage("Cluster types are SpearheadCluster or InnovativeBusinessNetwork.");
        RuleFor(x => x.OpensOn).NotEmpty().WithMessage("The opening date is required.")
            .Must(v => v is null || DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)).WithMessage("Use a date: yyyy-MM-dd.");
        RuleFor(x => x.Deadline).NotEmpty().WithMessage("The deadline is required.")
            .Must(v => v is null || DeadlineTime.TryParseLocal(v, out _)).WithMessage("Use local time: yyyy-MM-ddTHH:mm.");
        RuleFor(x => x.TimeZone).Must(DeadlineTime.IsZone).WithMessage("Use an IANA time zone such as Europe/Brussels.");
        RuleFor(x => x.Url).MaximumLength(2000)
            .Must(v => v is null || (Uri.TryCreate(v, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("Use a web address starting with https://.");
        RuleFor(x => x.GuidelineIds).Must(ids => ids is null || ids.Count <= 20).WithMessage("At most 20 guidelines.");
        RuleFor(x => x.Reminders).Must(r => r is null || r.Count <= 5).WithMessage("At most 5 reminders.");
        RuleForEach(x => x.Reminders).ChildRules(r => r.RuleFor(x => x.DaysBefore).NotNull().InclusiveBetween(1, 365)
            .WithMessage("Days before the deadline: 1 to 365."));
    }
}
