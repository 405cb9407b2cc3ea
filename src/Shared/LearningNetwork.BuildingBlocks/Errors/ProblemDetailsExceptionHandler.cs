using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LearningNetwork.BuildingBlocks.Errors;

/// <summary>
/// The single place where failures become RFC 9457 problem details. Anything not recognised
/// here is a bug and stays a 500, logged with its stack trace.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    private static readonly System.Text.RegularExpressions.Regex BindFailure = BindFailurePattern();

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => Validation(validation.Errors
            .GroupBy(e => JsonFieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        InvalidFieldException invalid => Validation(invalid.Errors
            .GroupBy(e => JsonFieldName(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray())),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message),
        AccessRefusedException refused => new ProblemDetails { Status = refused.Status, Title = refused.Message },
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message),
        UnsupportedContentException unsupported => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", unsupported.Message),
        ContentTooLargeException tooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", tooLarge.Message),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Conflict", "Someone else changed this at the same time; reload and try again."),
        BadHttpRequestException badRequest => FromBadRequest(badRequest),
        JsonException json => MalformedJson(json),
        _ when DatabaseUnavailable(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database cannot be reached right now. Try again in a moment."),
        _ => null,
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            return MalformedJson(json);
        }

        // Minimal APIs say 'Failed to bind parameter "int? page" from "abc".': name that parameter.
        var parameter = BindFailure.Match(exception.Message);
        if (exception.StatusCode == StatusCodes.Status400BadRequest && parameter.Success)
        {
            return Validation(new Dictionary<string, string[]>
            {
                [parameter.Groups["name"].Value] = [$"'{parameter.Groups["value"].Value}' is not a valid {parameter.Groups["type"].Value.TrimEnd('?')}."],
            });
        }

        return Problem(exception.StatusCode, exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "Payload too large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
            _ => "Bad request",
        }, exception.Message);
    }

    private static ValidationProblemDetails MalformedJson(JsonException json)
    {
        // System.Text.Json tells where it stopped ("$.capacity"): name that field so the client can fix it.
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        return Validation(new Dictionary<string, string[]>
        {
            [field] = [field == "body" ? "The request body is not valid JSON." : $"The value of '{field}' is not valid here."],
        });
    }

    /// <summary>
    /// The database restarting or out of reach (a transient Npgsql failure anywhere in the chain):
    /// a 503 the client may retry, not a 500.
    /// </summary>
    private static bool DatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // 57P01-57P03: the server is shutting down, crashed or not yet accepting connections.
            if (current is Npgsql.NpgsqlException { IsTransient: true } or Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" } or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }

    private static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "One or more fields are invalid.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"parameter ""(?<type>[^ ""]+) (?<name>[^ ""]+)"" from ""(?<value>[^""]*)""")]
    private static partial System.Text.RegularExpressions.Regex BindFailurePattern();

    /// <summary>FluentValidation names properties in PascalCase ("Items[0].Start"); clients see camelCase JSON.</summary>
    internal static string JsonFieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
