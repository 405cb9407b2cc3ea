using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LearningNetwork.Testing;

/// <summary>
/// Reads <c>/metrics</c> as a monitoring server would, from a given address: the in-process test
/// server has no network, so the request says which address the connection came from (and may
/// carry <c>X-Forwarded-For</c>, as a proxy's would).
/// </summary>
public static class Scrapes
{
    public static async Task<(HttpStatusCode Status, string Body)> ScrapeAsync<TEntryPoint>(
        this WebApplicationFactory<TEntryPoint> app, IPAddress from, string? forwardedFor = null, string? bearerToken = null)
        where TEntryPoint : class
    {
        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Scheme = "https";
            http.Request.Host = new HostString("localhost");
            http.Request.Path = "/metrics";
            http.Connection.RemoteIpAddress = from;
            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            if (bearerToken is not null)
            {
                http.Request.Headers.Authorization = $"Bearer {bearerToken}";
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return ((HttpStatusCode)context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    /// <summary>The metrics from loopback, which may read them by default; fails on anything but 200.</summary>
    public static async Task<PrometheusText> MetricsAsync<TEntryPoint>(this WebApplicationFactory<TEntryPoint> app)
        where TEntryPoint : class
    {
        var (status, body) = await app.ScrapeAsync(IPAddress.Loopback);
        return status == HttpStatusCode.OK ? new PrometheusText(body) : throw new InvalidOperationException($"/metrics answered {(int)status}: {body}");
    }
}

/// <summary>Prometheus's text format, read back by value: a metric's samples by name and labels.</summary>
public sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The samples of one metric whose labels include all of <paramref name="labels"/> (<c>name="value"</c> pairs), summed; null when there is none.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        var samples = Samples(name).Where(s => labels.All(l => s.Labels.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal))).ToList();
        return samples.Count == 0 ? null : samples.Sum(s => s.Value);
    }

    public bool Has(string name) => Samples(name).Any();

    private IEnumerable<(string Labels, double Value)> Samples(string name)
    {
        foreach (var line in Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not ('{' or ' '))
            {
                continue;
            }

            var labelsEnd = line[name.Length] == '{' ? line.IndexOf('}', StringComparison.Ordinal) + 1 : name.Length;
            var labels = line[name.Length..labelsEnd];
            var value = line[labelsEnd..].Trim().Split(' ')[0];
            yield return (labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }
}
