using System.Security.Claims;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Http;
using LearningNetwork.BuildingBlocks.Mediation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.BuildingBlocks.Tests;

/// <summary>
/// A use case's access rule ([CallerMustBe]) holds wherever its request is sent from: the request
/// pipeline refuses a caller the rule does not admit, before validation and the handler, with the
/// problem the API answers; and the endpoint that serves it requires the very same rule.
/// </summary>
public sealed class UseCaseAccessTests
{
    [Fact]
    public async Task Nobody_signed_in_is_refused_as_unauthorized_before_the_request_is_validated_or_handled()
    {
        var (mediator, handled) = Pipeline(caller: null);

        var refused = await Assert.ThrowsAsync<AccessRefusedException>(() => mediator.Send(new StaffOnlyCount(Value: -1)));

        var problem = UseCaseProblems.For(refused, "nl")!;
        Assert.Equal(401, problem.Status);
        Assert.Equal("Niet aangemeld", problem.Title);
        Assert.Empty(handled);
    }

    [Fact]
    public async Task A_signed_in_caller_the_policy_does_not_admit_is_refused_as_forbidden()
    {
        var (mediator, handled) = Pipeline(Caller("ClusterManager"));

        var refused = await Assert.ThrowsAsync<AccessRefusedException>(() => mediator.Send(new StaffOnlyCount(Value: 3)));

        Assert.Equal(403, UseCaseProblems.For(refused, "en")!.Status);
        Assert.Empty(handled);
    }

    [Fact]
    public async Task A_caller_the_policy_admits_gets_the_request_validated_then_handled()
    {
        var (mediator, handled) = Pipeline(Caller("Staff"));

        Assert.Equal(4, await mediator.Send(new StaffOnlyCount(Value: 3)));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => mediator.Send(new StaffOnlyCount(Value: -1)));

        Assert.Equal(["value"], ((HttpValidationProblemDetails)UseCaseProblems.For(invalid, "en")!).Errors.Keys);
        Assert.Equal([3], handled);
    }

    [Fact]
    public async Task A_rule_without_a_policy_admits_anyone_signed_in()
    {
        var (mediator, _) = Pipeline(Caller("ClusterManager"));

        Assert.Equal("pong", await mediator.Send(new SignedInPing()));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Pipeline(caller: null).Mediator.Send(new SignedInPing()));
    }

    [Fact]
    public async Task A_request_without_a_rule_passes_with_no_caller_at_all_as_modules_and_background_work_send_them()
    {
        var (mediator, _) = Pipeline(caller: null, withRequest: false);

        Assert.Equal("internal", await mediator.Send(new ModuleQuestion()));
    }

    [Fact]
    public void The_endpoint_of_a_use_case_requires_the_rule_its_request_states()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRouting();
        var app = builder.Build();
        app.MapGet("/staff-only", () => 1).RequireAuthorizationOf<StaffOnlyCount>();
        app.MapGet("/signed-in", () => 2).RequireAuthorizationOf<SignedInPing>();

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).ToDictionary(e => ((RouteEndpoint)e).RoutePattern.RawText!);

        Assert.Equal(["Staff"], endpoints["/staff-only"].Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
        Assert.Equal([null], endpoints["/signed-in"].Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
        Assert.Throws<InvalidOperationException>(() => app.MapGet("/nobody-said", () => 3).RequireAuthorizationOf<ModuleQuestion>());
    }

    private static ClaimsPrincipal Caller(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, role)], authenticationType: "Test"));

    /// <summary>The real pipeline (behaviours, validators, handlers) and authorization, with the HTTP request of a caller, or none.</summary>
    private static (IMediator Mediator, List<int> Handled) Pipeline(ClaimsPrincipal? caller, bool withRequest = true)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationBuilder().AddPolicy("Staff", policy => policy.RequireRole("Staff"));
        var handled = new List<int>();
        services.AddSingleton(handled);
        services.AddMediatorHandlersFrom(typeof(UseCaseAccessTests).Assembly);
        var accessor = new HttpContextAccessor();
        if (withRequest)
        {
            accessor.HttpContext = new DefaultHttpContext { User = caller ?? new ClaimsPrincipal(new ClaimsIdentity()) };
        }

        services.AddSingleton<IHttpContextAccessor>(accessor);
        return (services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<IMediator>(), handled);
    }
}

[CallerMustBe("Staff")]
internal sealed record StaffOnlyCount(int Value) : IRequest<int>;

internal sealed class StaffOnlyCountValidator : AbstractValidator<StaffOnlyCount>
{
    public StaffOnlyCountValidator() => RuleFor(x => x.Value).GreaterThanOrEqualTo(0);
}

internal sealed class StaffOnlyCountHandler(List<int> handled) : IRequestHandler<StaffOnlyCount, int>
{
    public Task<int> Handle(StaffOnlyCount request, CancellationToken cancellationToken)
    {
        handled.Add(request.Value);
        return Task.FromResult(request.Value + 1);
    }
}

[CallerMustBe]
internal sealed record SignedInPing : IRequest<string>;

internal sealed class SignedInPingHandler : IRequestHandler<SignedInPing, string>
{
    public Task<string> Handle(SignedInPing request, CancellationToken cancellationToken) => Task.FromResult("pong");
}

internal sealed record ModuleQuestion : IRequest<string>;

internal sealed class ModuleQuestionHandler : IRequestHandler<ModuleQuestion, string>
{
    public Task<string> Handle(ModuleQuestion request, CancellationToken cancellationToken) => Task.FromResult("internal");
}
