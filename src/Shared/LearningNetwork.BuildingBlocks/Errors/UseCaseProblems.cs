using LearningNetwork.BuildingBlocks.Localization;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.BuildingBlocks.Errors;

/// <summary>
/// A refused use case as the API answers it, for a caller inside the host that sent the use case
/// itself (the web UI's pages): the problem document <see cref="ProblemDetailsExceptionHandler"/>
/// writes for the same failure, with the same status, field names and messages, in the language given.
/// </summary>
public static class UseCaseProblems
{
    /// <summary>The problem for a failure the API answers with one; null for anything else (a bug: the caller lets it through, as the API does).</summary>
    public static ProblemDetails? For(Exception exception, string language)
    {
        var problem = ProblemDetailsExceptionHandler.ToProblem(exception);
        if (problem is not null)
        {
            Messages.Translate(problem, language);
        }

        return problem;
    }
}
