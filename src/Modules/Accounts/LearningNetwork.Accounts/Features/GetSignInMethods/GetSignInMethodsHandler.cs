using LearningNetwork.Accounts.Infrastructure;
using MediatR;

namespace LearningNetwork.Accounts.Features.GetSignInMethods;

internal sealed class GetSignInMethodsHandler(SingleSignOnSettings settings) : IRequestHandler<Contracts.GetSignInMethods, Contracts.SignInMethods>
{
    public Task<Contracts.SignInMethods> Handle(Contracts.GetSignInMethods request, CancellationToken cancellationToken) =>
        Task.FromResult(new Contracts.SignInMethods(settings.Enabled, settings.StaffPasswordSignIn));
}
