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
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        }

        return query.ToString();
    }
}
