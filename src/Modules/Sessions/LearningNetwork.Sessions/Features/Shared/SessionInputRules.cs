using FluentValidation;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>Field rules shared by every request that carries session details, so each field fails the same way everywhere.</summary>
internal static class SessionInputRules
{
    public static IRuleBuilderOptions<T, string?> LocalDateTime<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || ZonedTime.TryParseLocal(value, out _))
            .WithMessage("Use local time as yyyy-MM-ddTHH:mm, without an offset.");

    public static IRuleBuilderOptions<T, string?> IanaTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("The time zone is required (an IANA name such as Europe/Brussels).")
            .Must(value => value is null || ZonedTime.TryFindZone(value, out _))
            .WithMessage("Not a known IANA time zone (e.g. Europe/Brussels).");

    public static IRuleBuilderOptions<T, string?> Title<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("The title is required.")
            .MaximumLength(200);

    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(2000)
            .Must(value => string.IsNullOrWhiteSpace(value)
                || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("Must be an absolute http or https address.");

    public static IRuleBuilderOptions<T, int?> Capacity<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().WithMessage("The capacity is required.")
            .InclusiveBetween(1, 10_000).WithMessage("The capacity must be between 1 and 10000.");

    public static void ReminderRules<T>(this AbstractValidator<T> validator, Func<T, IReadOnlyList<ReminderRule>?> reminders, Func<T, IReadOnlyList<FollowUpRule>?> followUps)
    {
        validator.RuleFor(x => reminders(x))
            .Must(list => list is null || list.Count <= Domain.ReminderRules.MaxReminders)
            .WithMessage($"At most {Domain.ReminderRules.MaxReminders} reminders.")
            .OverridePropertyName("reminders");
        validator.RuleForEach(x => reminders(x))
            .Must(r => r is { MinutesBefore: >= 1 and <= Domain.ReminderRules.MaxMinutes })
            .WithMessage($"minutesBefore must be between 1 and {Domain.ReminderRules.MaxMinutes}.")
            .OverridePropertyName("reminders");
        validator.RuleFor(x => followUps(x))
            .Must(list => list is null || list.Count <= Domain.ReminderRules.MaxFollowUps)
            .WithMessage($"At most {Domain.ReminderRules.MaxFollowUps} follow-ups.")
            .OverridePropertyName("followUps");
        validator.RuleForEach(x => followUps(x))
            .Must(r => r is { MinutesAfter: >= 0 and <= Domain.ReminderRules.MaxMinutes })
            .WithMessage($"minutesAfter must be between 0 and {Domain.ReminderRules.MaxMinutes}.")
            .OverridePropertyName("followUps");
    }

    /// <summary>
    /// <c>translations: {"nl"|"en"|"fr": {title, description?}}</c>: only those languages, each
    /// with a title; errors name the field as <c>translations.fr.title</c>.
    /// </summary>
    public static void Translations<T>(this AbstractValidator<T> validator, Func<T, IReadOnlyDictionary<string, SessionTextInput?>?> translations) =>
        validator.RuleFor(x => translations(x)).Custom((value, context) =>
        {
            foreach (var (language, text) in value ?? new Dictionary<string, SessionTextInput?>())
            {
                if (!SessionText.Languages.Contains(language))
                {
                    context.AddFailure($"translations.{language}", "Translations are given per language: nl, en or fr.");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(text?.Title))
                {
                    context.AddFailure($"translations.{language}.title", "A translation needs its title.");
                }
                else if (text.Title.Trim().Length > 200)
                {
                    context.AddFailure($"translations.{language}.title", "The title has at most 200 characters.");
                }

                if (text?.Description is { Length: > 4000 })
                {
                    context.AddFailure($"translations.{language}.description", "The description has at most 4000 characters.");
                }
            }
        });

    /// <summary>Validated input as the domain takes it; null (left out) stays null.</summary>
    public static IReadOnlyDictionary<string, SessionText>? ToTexts(IReadOnlyDictionary<string, SessionTextInput?>? translations) =>
        translations?.ToDictionary(t => t.Key, t => new SessionText(t.Value!.Title!, t.Value.Description));

    public static ReminderRules? ToRules(IReadOnlyList<ReminderRule>? reminders, IReadOnlyList<FollowUpRule>? followUps, ReminderRules? fallback)
    {
        if (reminders is null && followUps is null)
        {
            return fallback;
        }

        return new ReminderRules(
            reminders?.Select(r => r.MinutesBefore!.Value) ?? fallback?.MinutesBefore ?? [],
            followUps?.Select(f => f.MinutesAfter!.Value) ?? fallback?.MinutesAfter ?? []);
    }

    public static DateTime ParseLocal(string value) =>
        ZonedTime.TryParseLocal(value, out var local) ? local : throw new FormatException("Validated before: cannot happen.");

    public static DateTime? ParseOptionalLocal(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : ParseLocal(value);
}
