namespace LearningNetwork.BuildingBlocks.Errors;

/// <summary>
/// The one family of failures that business code throws. Each kind maps to one HTTP status in
/// <see cref="ProblemDetailsExceptionHandler"/>, so no endpoint decides status codes on its own.
/// </summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The thing does not exist, or the caller may not see it (both are a 404).</summary>
public sealed class NotFoundException(string what, object id) : DomainException($"{what} '{id}' was not found.");

/// <summary>The request is valid but the current state does not allow it (409).</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>
/// A use case's access rule did not admit the caller: 401 when nobody is signed in, 403 when the
/// policy refuses. The same bare answers (a title, no detail) as an endpoint's own authorization.
/// </summary>
public sealed class AccessRefusedException(bool signedIn) : DomainException(signedIn ? "Forbidden" : "Unauthorized")
{
    public int Status { get; } = signedIn ? 403 : 401;
}

/// <summary>The caller is known but may not do this (403).</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>
/// Business rules on input fields were broken (400, naming each field). Rules that can be checked
/// side by side are collected with <see cref="FieldErrors"/>, so a form learns all its mistakes at once.
/// </summary>
public sealed class InvalidFieldException : DomainException
{
    public InvalidFieldException(string field, string message)
        : this([new FieldError(field, message)])
    {
    }

    public InvalidFieldException(IReadOnlyList<FieldError> errors)
        : base(errors[0].Message) => Errors = errors;

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The first field named.</summary>
    public string Field => Errors[0].Field;
}

public sealed record FieldError(string Field, string Message);

/// <summary>Collects broken rules on several fields, then throws them together.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new InvalidFieldException([.. _errors]);
        }
    }
}

/// <summary>The content is not of a type this endpoint takes (415), whatever its name claims.</summary>
public sealed class UnsupportedContentException(string message) : DomainException(message);

/// <summary>The upload is larger than allowed (413).</summary>
public sealed class ContentTooLargeException(string message) : DomainException(message);
