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

/// <summary>The caller is known but may not do this (403).</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>A business rule on one input field was broken (400, naming the field).</summary>
public sealed class InvalidFieldException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}

/// <summary>The content is not of a type this endpoint takes (415), whatever its name claims.</summary>
public sealed class UnsupportedContentException(string message) : DomainException(message);

/// <summary>The upload is larger than allowed (413).</summary>
public sealed class ContentTooLargeException(string message) : DomainException(message);
