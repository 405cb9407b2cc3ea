using System.Text.Json;
using LearningNetwork.Testing;
using Microsoft.Playwright;

namespace LearningNetwork.WebUi.Tests;

/// <summary>What every page visited in these tests must pass, and the screenshots kept of them.</summary>
public static class PageChecks
{
    private static readonly string AxeScript = File.ReadAllText(FindAxe());

    /// <summary>Runs axe-core (WCAG 2.1 A and AA rules) in the page; fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // Evaluated by the test, not added as a script tag: the page's Content-Security-Policy
        // (its own script files only) rightly refuses an inline one.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.EvaluateAsync(AxeScript + "\n;0");
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", found)}");
    }

    /// <summary>
    /// A full-page screenshot in the artifacts folder, then the accessibility check. The screenshot
    /// is an artifact, not a check: on a busy machine a long page can take longer than the page
    /// timeout to capture, so it gets more time of its own.
    /// </summary>
    public static async Task AuditAsync(this IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ArtifactsDirectory, name + ".png"), FullPage = true, Timeout = 60_000 });
        await page.AssertAccessibleAsync();
    }

    /// <summary>npm ci (./test.sh) installs axe-core beside this project's package.json.</summary>
    private static string FindAxe()
    {
        var axe = Path.Combine(Repository.Root, "tests", "LearningNetwork.WebUi.Tests", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(axe) ? axe : throw new FileNotFoundException("axe-core is not installed: run `npm ci` in tests/LearningNetwork.WebUi.Tests (./test.sh does).", axe);
    }
}
