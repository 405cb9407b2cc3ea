using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Authorization;

namespace LearningNetwork.Host.Pages;

[AllowAnonymous]
public sealed class ActivateModel(Api api, UiText text) : SetPasswordPage(api, text, "/api/auth/activate")
{
    protected override string DoneMessage => T["Your account is active. Sign in with your email and new password."];
}

[AllowAnonymous]
public sealed class ResetPasswordModel(Api api, UiText text) : SetPasswordPage(api, text, "/api/auth/reset-password")
{
    protected override string DoneMessage => T["Your password is changed. Sign in with the new one."];
}
