using MediatR;

namespace LearningNetwork.ApiClient;

/// <summary>
/// Sends a use case's request to its handler inside the host, for a client that runs in the host
/// itself (the web UI's pages). The sender holds it to the API's rules: the request's access rule
/// and validation run in the request pipeline, and a refusal comes back as the problem document
/// the API would have answered, in the caller's language.
/// </summary>
public interface IUseCaseSender
{
    Task<ApiResult<TAnswer>> SendAsync<TAnswer>(IRequest<TAnswer> request);
}
