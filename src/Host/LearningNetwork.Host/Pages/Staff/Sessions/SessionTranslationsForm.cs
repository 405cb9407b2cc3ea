using LearningNetwork.Sessions.Contracts;

namespace LearningNetwork.Host.Pages.Staff.Sessions;

/// <summary>A session's title and description in Dutch, English and French, beside the default ones (the API's <c>translations</c>).</summary>
public sealed class SessionTranslationsForm
{
    public SessionTextFields Nl { get; set; } = new();

    public SessionTextFields En { get; set; } = new();

    public SessionTextFields Fr { get; set; } = new();

    /// <summary>Each language with its fields and the name of its property (for the form's field names).</summary>
    public IEnumerable<(string Language, string Property, SessionTextFields Fields)> All => [("nl", nameof(Nl), Nl), ("en", nameof(En), En), ("fr", nameof(Fr), Fr)];

    public static SessionTranslationsForm From(IReadOnlyDictionary<string, SessionText>? translations)
    {
        SessionTextFields Fields(string language) => translations is not null && translations.TryGetValue(language, out var text)
            ? new SessionTextFields { Title = text.Title, Description = text.Description }
            : new SessionTextFields();
        return new SessionTranslationsForm { Nl = Fields("nl"), En = Fields("en"), Fr = Fields("fr") };
    }

    /// <summary>
    /// The request's <c>translations</c>: every language with a title or a description (the API
    /// refuses a description without its title, and says so on the form).
    /// </summary>
    public Dictionary<string, SessionText> ToRequest() =>
        All.Where(t => !string.IsNullOrWhiteSpace(t.Fields.Title) || !string.IsNullOrWhiteSpace(t.Fields.Description))
            .ToDictionary(
                t => t.Language,
                t => new SessionText(t.Fields.Title?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(t.Fields.Description) ? null : t.Fields.Description.Trim()));
}

public sealed class SessionTextFields
{
    public string? Title { get; set; }

    public string? Description { get; set; }
}

/// <summary>What the translation fields partial needs: the form field prefix (e.g. "Form.Translations") and the values.</summary>
public sealed record TranslationFieldsView(string Prefix, SessionTranslationsForm Translations);
