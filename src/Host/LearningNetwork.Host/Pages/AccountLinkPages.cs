using LearningNetwork.Host.Ui;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace LearningNetwork.Host.Pages;

[AllowAnonymous]
public sealed class ActivateModel(LearningNetworkApi api, UiText text, IMediator mediator) : SetPasswordPage(api, text, mediator)
{
    protected override Task<ApiResult<NoBody>> SetPasswordAsync(string token, string password) => Api.ActivateAccountAsync(token, password);

    protected override string DoneMessage => T["Your account is active. Sign in with your email and new password."];

    protected override string SignedInMessage => T["Your account is active and you are signed in. Welcome!"];
}

[AllowAnonymous]
public sealed class ResetPasswordModel(LearningNetworkApi api, UiText text, IMediator mediator) : SetPasswordPage(api, text, mediator)
{
    protected override Task<ApiResult<NoBody>> SetPasswordAsync(string token, string password) => Api.ResetPasswordAsync(token, password);

    protected override string DoneMessage => T["Your password is changed. Sign in with the new one."];

    protected override string SignedInMessage => T["Your password is changed and you are signed in."];
}
