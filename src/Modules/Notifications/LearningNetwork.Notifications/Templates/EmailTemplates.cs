using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace LearningNetwork.Notifications.Templates;

/// <summary>What one email says: subject, paragraphs and an optional button, already rendered.</summary>
internal sealed record RenderedEmail(string Subject, IReadOnlyList<string> TextParagraphs, IReadOnlyList<string> HtmlParagraphs, string? ActionLabel, string? ActionUrl);

/// <summary>
/// Liquid templates, one file per kind and language (Templates/Invitation.nl.liquid): a few
/// "key: value" header lines (subject, action, actionUrl), a "---" line, then paragraphs
/// separated by blank lines. The text and HTML parts come from the same file, so they never
/// say different things; values are HTML-encoded in the HTML part only, and their line breaks
/// become &lt;br&gt; there.
/// </summary>
internal sealed class EmailTemplates
{
    public const string FallbackLanguage = "en";

    private static readonly FluidParser Parser = new();

    // Encode what HTML needs encoded (&, <, quotes), but leave "è" or "ë" as they are: the part is UTF-8.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private readonly ConcurrentDictionary<(string, string), ParsedTemplate> _cache = new();

    public async Task<RenderedEmail> RenderAsync(string kind, string language, IReadOnlyDictionary<string, string> values)
    {
        var template = _cache.GetOrAdd((kind, language), key => Load(key.Item1, key.Item2));
        var context = new TemplateContext();
        var htmlContext = new TemplateContext();
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
            // Text a person typed (a message, a note) keeps its line breaks in the HTML part too:
            // each line encoded, joined with <br>, so nothing in it is ever read as markup.
            htmlContext.SetValue(key, value.Contains('\n', StringComparison.Ordinal) ? new StringValue(WithLineBreaks(value), encode: false) : new StringValue(value));
        }

        var subject = (await template.Subject.RenderAsync(context)).Trim();
        var text = new List<string>();
        var html = new List<string>();
        foreach (var paragraph in template.Paragraphs)
        {
            text.Add((await paragraph.RenderAsync(context)).Trim());
            html.Add((await paragraph.RenderAsync(htmlContext, Html)).Trim());
        }

        var actionLabel = template.Action is null ? null : (await template.Action.RenderAsync(context)).Trim();
        var actionUrl = template.ActionUrl is null ? null : (await template.ActionUrl.RenderAsync(context)).Trim();
        return new RenderedEmail(subject, text.Where(p => p.Length > 0).ToList(), html.Where(p => p.Length > 0).ToList(), actionLabel, actionUrl);
    }

    private static string WithLineBreaks(string value) =>
        string.Join("<br>", value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => Html.Encode(line)));

    private static ParsedTemplate Load(string kind, string language)
    {
        var source = Read($"{kind}.{language}.liquid") ?? Read($"{kind}.{FallbackLanguage}.liquid")
            ?? throw new InvalidOperationException($"No template for {kind}.");
        var separator = source.IndexOf("\n---", StringComparison.Ordinal);
        var headers = source[..separator].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
        var body = source[(source.IndexOf('\n', separator + 1) + 1)..].Replace("\r\n", "\n", StringComparison.Ordinal);
        var paragraphs = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Parse(p.Replace('\n', ' ')))
            .ToList();
        return new ParsedTemplate(
            Parse(headers["subject"]),
            paragraphs,
            headers.TryGetValue("action", out var action) ? Parse(action) : null,
            headers.TryGetValue("actionUrl", out var url) ? Parse(url) : null);
    }

    private static string? Read(string name)
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream($"Templates/{name}");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IFluidTemplate Parse(string source) =>
        Parser.TryParse(source, out var template, out var error) ? template : throw new InvalidOperationException($"Template error: {error}");

    private sealed record ParsedTemplate(IFluidTemplate Subject, IReadOnlyList<IFluidTemplate> Paragraphs, IFluidTemplate? Action, IFluidTemplate? ActionUrl);
}
