using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningNetwork.Host.Ui;

/// <summary>What every page does with the API's answers: field errors next to their fields, other refusals as a notice.</summary>
public abstract class UiPage(LearningNetworkApi api, UiText text) : PageModel
{
    protected LearningNetworkApi Api { get; } = api;

    protected UiText T { get; } = text;

    /// <summary>
    /// Puts the API's field errors on the form (the API names fields in camelCase; ModelState keys
    /// ignore case, so "capacity" lands on "Form.Capacity"); anything else becomes the page's error.
    /// </summary>
    protected void ShowProblem(ApiProblem problem, string prefix = "Form")
    {
        if (problem.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, messages) in errors)
            {
                var key = string.IsNullOrEmpty(field) ? string.Empty : FormKey(prefix, field);
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, problem.Message);
        }
    }

    /// <summary>"reminders[0].minutesBefore" belongs next to the form's "Reminders" field.</summary>
    private static string FormKey(string prefix, string field)
    {
        var end = field.IndexOfAny(['[', '.']);
        var name = end < 0 ? field : field[..end];
        return string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";
    }

    /// <summary>After a change: say what happened on the next page (post, redirect, get).</summary>
    protected RedirectResult Done(string message, string to)
    {
        TempData["Message"] = message;
        return Redirect(to);
    }

    protected RedirectResult Refused(ApiProblem problem, string to)
    {
        TempData["Error"] = problem.Message;
        return Redirect(to);
    }

    /// <summary>Page not found or not visible: the API's 404 becomes the page's.</summary>
    protected IActionResult NotFoundOr(ApiProblem problem) => problem.Status == 404 ? NotFound() : StatusCode(problem.Status);
}
