using System.Reflection;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using MediatR;

namespace LearningNetwork.Host.Ui;

/// <summary>
/// A page's way to a use case in process (docs/decisions/0036-pages-send-the-use-cases-in-process.md):
/// the request goes through the same MediatR pipeline as the endpoint's, whose access check reads
/// the request's rule against the signed-in person of this page, whose validation and handler are
/// the endpoint's own; a refusal becomes the problem document the API answers for it, in the
/// page's language. Failures the API does not answer with a problem (bugs) go on to the error page.
/// </summary>
public sealed class UiUseCaseSender(IMediator mediator, IHttpContextAccessor accessor) : IUseCaseSender
{
    public async Task<ApiResult<TAnswer>> SendAsync<TAnswer>(IRequest<TAnswer> request)
    {
        // Only a use case that states who may send it: without a rule nobody would check the caller.
        if (request.GetType().GetCustomAttribute<CallerMustBeAttribute>() is null)
        {
            throw new InvalidOperationException($"{request.GetType().Name} states no access rule ([CallerMustBe]); the web UI sends only use cases that do.");
        }

        var context = accessor.HttpContext ?? throw new InvalidOperationException("The UI sends use cases only while serving a request.");
        try
        {
            return new ApiResult<TAnswer>(StatusCodes.Status200OK, await mediator.Send(request, context.RequestAborted), null);
        }
        catch (Exception exception) when (UseCaseProblems.For(exception, UiCulture.Language) is { } problem)
        {
            var status = problem.Status ?? StatusCodes.Status400BadRequest;
            return new ApiResult<TAnswer>(status, default, new ApiProblem
            {
                Status = status,
                Title = problem.Title,
                Detail = problem.Detail,
                Errors = problem is HttpValidationProblemDetails validation ? new Dictionary<string, string[]>(validation.Errors) : null,
            });
        }
    }
}
