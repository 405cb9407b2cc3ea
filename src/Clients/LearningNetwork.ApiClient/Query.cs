using System.Text;

namespace LearningNetwork.ApiClient;

/// <summary>Builds an API query string from a call's filters, leaving out the empty ones.</summary>
internal static class Query
{
    public static string Build(params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (Value(value) is not { } sent)
            {
                continue;
            }

            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(sent));
        }

        return query.ToString();
    }

    /// <summary>What the API receives for a filter: its trimmed text, or nothing for a blank one (left out of the query string).</summary>
    public static string? Value(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
